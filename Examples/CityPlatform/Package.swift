// swift-tools-version:6.0
import PackageDescription

// A city platform (城市信用就医平台): two hospitals and two banks on one deployment, one patient
// enrolled at both banks and treated at both hospitals. Run with `swift run`.
let package = Package(
    name: "CityPlatform",
    dependencies: [.package(name: "CreditMedical", path: "../..")],
    targets: [
        .executableTarget(
            name: "CityPlatform",
            dependencies: [
                .product(name: "CreditMedicalCore", package: "CreditMedical"),
                .product(name: "CreditMedicalHIS", package: "CreditMedical"),
                .product(name: "CreditMedicalSQLite", package: "CreditMedical"),
                .product(name: "CreditMedicalTesting", package: "CreditMedical"),
            ]
        )
    ]
)
