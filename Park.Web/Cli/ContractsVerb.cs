using System.CommandLine;
using Microsoft.Extensions.Localization;
using Park.Domain.Access;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Web.Documents;
using Park.Web.Resources;

namespace Park.Web.Cli;

/// <summary><c>contracts pdf --lease ID --out FILE [--lang zh-CN|en-US]</c>: renders a lease's contract to a file.</summary>
public static class ContractsVerb
{
    public static Command Create(CliContext context)
    {
        var l = context.Services.GetRequiredService<IStringLocalizer<ContractsStrings>>();
        var lease = new Option<long>("--lease") { Description = l["CliLease"], Required = true };
        var output = new Option<FileInfo>("--out") { Description = l["CliOut"], Required = true };
        var lang = new Option<string>("--lang") { Description = l["CliLang"], DefaultValueFactory = _ => "zh-CN" };
        lang.AcceptOnlyFromAmong([.. ContractTemplateStore.Languages]);
        var pdf = new Command("pdf", l["CliPdf"]) { lease, output, lang };
        pdf.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            try
            {
                context.Services.GetRequiredService<MigrationRunner>().Run();
                var contracts = context.Services.GetRequiredService<ContractService>();
                var result = await contracts.RenderAsync(AccessScope.System, parsed.GetValue(lease), parsed.GetValue(lang)!, ct);
                if (!result.Succeeded)
                {
                    var problem = result.Problem!;
                    await context.Error.WriteLineAsync(problem.Kind == ErrorKind.NotFound ? l["CliLeaseNotFound", parsed.GetValue(lease)] : l.Describe(problem));
                    return 1;
                }

                var target = parsed.GetValue(output)!;
                await File.WriteAllBytesAsync(target.FullName, result.Value!.Bytes, ct);
                await context.Output.WriteLineAsync(l["CliWritten", target.FullName, result.Value.PageCount, result.Value.Bytes.Length]);
                return 0;
            }
            catch (FontUnavailableException ex)
            {
                await context.Error.WriteLineAsync(ex.Message);
                return 2;
            }
        }));
        return new Command("contracts", l["CliContracts"]) { pdf };
    }
}
