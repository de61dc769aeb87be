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
        .library(name: "CreditMedicalTraining", targets: ["CreditMedicalTraining"]),
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
        .target(name: "CreditMedicalTraining", dependencies: ["CreditMedicalCore"]),
        // What the stores share (column maps, commits grouped by table); not a product.
        .target(name: "CreditMedicalStoreSupport", dependencies: ["CreditMedicalCore", "CreditMedicalHIS"]),
        .target(name: "CreditMedicalSQLite", dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalStoreSupport", "CSQLite"]),
        .target(name: "CreditMedicalPostgres", dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalStoreSupport", "CLibPQ"]),
        .target(name: "CreditMedicalTesting", dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalStoreSupport"]),
        .target(
            name: "CreditMedicalConformance",
            dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalTesting"]
        ),
        .executableTarget(
            name: "credit-medical",
            dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalSQLite", "CreditMedicalPostgres", "CreditMedicalTesting",
                           "CreditMedicalTraining"]
        ),
        // A helper program the tests start several times on one database; not a product.
        .executableTarget(
            name: "credit-medical-test-worker",
            dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalSQLite", "CreditMedicalPostgres", "CreditMedicalTesting",
                           "CreditMedicalTestSupport", "CSQLite"],
            path: "Tests/TestWorker"
        ),
        // What several test targets share (running the package's programs); not a product.
        .target(name: "CreditMedicalTestSupport", dependencies: ["CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalTesting"], path: "Tests/Support"),
        .testTarget(name: "CreditMedicalCoreTests", dependencies: ["CreditMedicalCore", "CreditMedicalTesting", "CreditMedicalTestSupport"]),
        .testTarget(name: "CreditMedicalTrainingTests", dependencies: ["CreditMedicalTraining", "CreditMedicalCore"]),
        .testTarget(name: "CreditMedicalHISTests", dependencies: ["CreditMedicalHIS", "CreditMedicalTesting", "CreditMedicalTestSupport"]),
        .testTarget(
            name: "CreditMedicalSQLiteTests",
            dependencies: ["CreditMedicalSQLite", "CreditMedicalHIS", "CreditMedicalConformance", "CreditMedicalTesting", "CSQLite",
                           "CreditMedicalStoreSupport", "CreditMedicalTestSupport", "credit-medical-test-worker"]
        ),
        .testTarget(
            name: "CreditMedicalPostgresTests",
            dependencies: ["CreditMedicalPostgres", "CreditMedicalSQLite", "CreditMedicalHIS", "CreditMedicalConformance",
                           "CreditMedicalTesting", "credit-medical", "credit-medical-test-worker",
                           "CreditMedicalStoreSupport", "CreditMedicalTestSupport"]
        ),
        .testTarget(
            name: "CreditMedicalCLITests",
            dependencies: ["credit-medical", "CreditMedicalCore", "CreditMedicalHIS", "CreditMedicalSQLite", "CreditMedicalTesting", "CreditMedicalTraining",
                           "CreditMedicalTestSupport", "credit-medical-test-worker"]
        ),
        .testTarget(
            name: "CreditMedicalTestingTests",
            dependencies: ["CreditMedicalTesting", "CreditMedicalHIS", "CreditMedicalConformance", "CreditMedicalTestSupport"]
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
