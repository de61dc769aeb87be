// swift-tools-version:6.0
import PackageDescription

// After the visit: receivables, repayment, the collection ladder and the arrears list, on SQLite
// with fakes for the bank's notices, the SMS gateway and the city's credit registry. Run with
// `swift run`.
let package = Package(
    name: "OverdueAndRepayment",
    dependencies: [.package(name: "CreditMedical", path: "../..")],
    targets: [
        .executableTarget(
            name: "OverdueAndRepayment",
            dependencies: [
                .product(name: "CreditMedicalCore", package: "CreditMedical"),
                .product(name: "CreditMedicalSQLite", package: "CreditMedical"),
                .product(name: "CreditMedicalTesting", package: "CreditMedical"),
            ]
        )
    ]
)
