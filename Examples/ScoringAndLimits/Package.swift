// swift-tools-version:6.0
import PackageDescription

// A program a bank's risk team and an integrator read together: train a scorecard from a CSV,
// hand it over as JSON, and score applicants with their reasons. Run with `swift run`.
let package = Package(
    name: "ScoringAndLimits",
    dependencies: [.package(name: "CreditMedical", path: "../..")],
    targets: [
        .executableTarget(
            name: "ScoringAndLimits",
            dependencies: [
                .product(name: "CreditMedicalCore", package: "CreditMedical"),
                .product(name: "CreditMedicalTraining", package: "CreditMedical"),
                .product(name: "CreditMedicalTesting", package: "CreditMedical"),
            ],
            exclude: ["applicants.csv"]
        )
    ]
)
