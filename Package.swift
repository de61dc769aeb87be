// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CreditMedical",
    products: [
        .library(name: "CreditMedicalCore", targets: ["CreditMedicalCore"]),
        .library(name: "CreditMedicalHIS", targets: ["CreditMedicalHIS"]),
        .library(name: "CreditMedicalSQLite", targets: ["CreditMedicalSQLite"]),
        .library(name: "CreditMedicalPostgres", targets: ["CreditMedicalPostgres"]),
        .library(name: "CreditMedicalTesting", targets: ["CreditMedicalTesting"]),
        .library(name: "CreditMedicalConformance", targets: ["CreditMedicalConformance"]),
        .executable(name: "credit-medical", targets: ["credit-medical"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "CreditMedicalCore"),
        .target(name: "CreditMedicalHIS", dependencies: ["CreditMedicalCore"]),
        .target(name: "CreditMedicalSQLite", dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CSQLite"]),
        .target(name: "CreditMedicalPostgres", dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CLibPQ"]),
        .target(name: "CreditMedicalTesting", dependencies: ["CreditMedicalCore", "CreditMedicalHIS"]),
        .target(
            name: "CreditMedicalConformance",
            dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalTesting"]
        ),
        .executableTarget(
            name: "credit-medical",
            dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalSQLite", "CreditMedicalPostgres", "CreditMedicalTesting"]
        ),
        .testTarget(name: "CreditMedicalCoreTests", dependencies: ["CreditMedicalCore", "CreditMedicalTesting"]),
        .testTarget(name: "CreditMedicalHISTests", dependencies: ["CreditMedicalHIS", "CreditMedicalTesting"]),
        .testTarget(
            name: "CreditMedicalSQLiteTests",
            dependencies: ["CreditMedicalSQLite", "CreditMedicalHIS", "CreditMedicalConformance", "CreditMedicalTesting", "CSQLite"]
        ),
        .testTarget(
            name: "CreditMedicalPostgresTests",
            dependencies: ["CreditMedicalPostgres", "CreditMedicalSQLite", "CreditMedicalHIS", "CreditMedicalConformance",
                           "CreditMedicalTesting", "credit-medical"]
        ),
        .testTarget(name: "CreditMedicalCLITests", dependencies: ["credit-medical", "CreditMedicalTesting"]),
        .testTarget(
            name: "CreditMedicalTestingTests",
            dependencies: ["CreditMedicalTesting", "CreditMedicalHIS", "CreditMedicalConformance"]
        ),
    ]
)

// The same strict settings for every Swift target.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
