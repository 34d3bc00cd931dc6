using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Home;
using Park.Domain.Inventory;
using Park.Domain.Seeding;
using Park.Domain.Staffing;
using Park.Web.Documents;

namespace Park.Web.Hosting;

/// <summary>The domain's services, shared by the web app and the CLI verbs.</summary>
public static class DomainServices
{
    /// <summary>
    /// The domain without the web app — configuration, logging, strings, the domain and Identity's
    /// stores — what the CLI verbs, Park.Bench and the tests run on.
    /// </summary>
    public static IServiceCollection AddParkStandalone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddLocalization();
        services.AddParkDomain(configuration);
        services.AddParkIdentity();
        return services;
    }

    public static IServiceCollection AddParkDomain(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.Configure();
        // Bound when first needed, so configuration added by hosts and tests is seen.
        services.AddSingleton(sp =>
        {
            var options = new DatabaseOptions();
            sp.GetRequiredService<IConfiguration>().GetSection("Park").Bind(options);
            return options;
        });
        services.AddSingleton<ParkDatabase>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<HomeQueries>();
        services.AddSingleton<ParkStore>();
        services.AddSingleton<Park.Domain.Tenants.TenantStore>();
        services.AddSingleton<Park.Domain.Leasing.LeaseStore>();
        services.AddSingleton<Park.Domain.Leasing.LeaseService>();
        services.AddHostedService<Park.Web.Features.Leasing.LeaseStageJob>();
        services.AddSingleton<InventoryStore>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<SeatMapQueries>();
        services.AddSingleton<AvailabilityService>();
        services.AddSingleton<CapacityStore>();
        services.AddSingleton<SeatCsvService>();
        services.AddScoped<UserAdmin>();
        services.AddSingleton<UserPreferences>();
        services.AddScoped<DemoSeed>();
        services.AddSingleton<NationalSeed>();
        services.AddSingleton<INationalSeedExtension, NationalLeasing>();
        services.AddSingleton<INationalSeedExtension, NationalStaffing>();
        services.AddSingleton<ServiceLineStore>();
        services.AddSingleton<VolumeStore>();
        services.AddSingleton<ScenarioStore>();
        services.AddSingleton<ScenarioSeatRequests>();
        services.AddSingleton<ParkDemandQueries>();
        services.AddParkDocuments();
        return services;
    }
}
