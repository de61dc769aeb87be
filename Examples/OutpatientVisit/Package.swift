// swift-tools-version:6.0
import PackageDescription

// A program an integrator reads first: the credit desk on SQLite with the fake insurers, bank
// and notifications standing in for the HIS vendor's adapters. Run with `swift run`.
let package = Package(
    name: "OutpatientVisit",
    dependencies: [.package(name: "CreditMedical", path: "../..")],
    targets: [
        .executableTarget(
            name: "OutpatientVisit",
            dependencies: [
                .product(name: "CreditMedicalCore", package: "CreditMedical"),
                .product(name: "CreditMedicalHIS", package: "CreditMedical"),
                .product(name: "CreditMedicalSQLite", package: "CreditMedical"),
                .product(name: "CreditMedicalTesting", package: "CreditMedical"),
            ]
        )
    ]
)
