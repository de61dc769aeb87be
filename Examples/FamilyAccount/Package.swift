// swift-tools-version:6.0
import PackageDescription

// A family account (信用家庭 / 亲情账号): an elder and a child treated on an adult child's line,
// each within a cap, and the adult repaying for the elder. Run with `swift run`.
let package = Package(
    name: "FamilyAccount",
    dependencies: [.package(name: "CreditMedical", path: "../..")],
    targets: [
        .executableTarget(
            name: "FamilyAccount",
            dependencies: [
                .product(name: "CreditMedicalCore", package: "CreditMedical"),
                .product(name: "CreditMedicalHIS", package: "CreditMedical"),
                .product(name: "CreditMedicalSQLite", package: "CreditMedical"),
                .product(name: "CreditMedicalTesting", package: "CreditMedical"),
            ]
        )
    ]
)
