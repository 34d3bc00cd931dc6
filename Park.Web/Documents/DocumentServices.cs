using Park.Domain.Contracts;
using Park.Domain.Documents;

namespace Park.Web.Documents;

/// <summary>The document pipeline and the contracts feature: fonts, renderer, stores and services.</summary>
public static class DocumentServices
{
    public static IServiceCollection AddParkDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = new FontOptions();
            sp.GetRequiredService<IConfiguration>().GetSection("Park:Fonts").Bind(options);
            return options;
        });
        services.AddSingleton<PdfFonts>();
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<IDocumentPrinter>(sp => sp.GetRequiredService<PdfRenderer>());
        services.AddSingleton<ILeaseScheduleSource, LeasingScheduleSource>();
        services.AddSingleton<ContractSourceStore>();
        services.AddSingleton<ContractTemplateStore>();
        services.AddSingleton<ContractService>();
        services.AddSingleton<ContractBatches>();
        services.AddSingleton<ContractLessorStore>();
        services.AddHostedService<ContractBatchWorker>();
        return services;
    }
}

/// <summary>Loads the fonts at start-up so a missing font file stops the app with the setting's name.</summary>
public sealed class FontStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<PdfFonts>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Runs queued contract batches in the background, outside any page's circuit.</summary>
public sealed class ContractBatchWorker(ContractBatches batches) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await batches.ProcessQueueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
