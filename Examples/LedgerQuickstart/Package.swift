// swift-tools-version:6.0
import PackageDescription

// A program an integrator reads first: a ledger on SQLite, one visit on credit, an audit.
let package = Package(
    name: "LedgerQuickstart",
    dependencies: [.package(name: "CreditMedical", path: "../..")],
    targets: [
        .executableTarget(
            name: "LedgerQuickstart",
            dependencies: [
                .product(name: "CreditMedicalCore", package: "CreditMedical"),
                .product(name: "CreditMedicalSQLite", package: "CreditMedical"),
            ]
        )
    ]
)
