using Park.Domain.Data;
using Park.Web.Cli;
using Park.Web.Hosting;

namespace Park.Web;

/// <summary>With no verb: serve the web app. With a verb (<c>migrate</c>, <c>seed</c>, <c>users</c>, <c>backup</c>): run it and exit.</summary>
public partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (ParkCli.IsVerb(args))
        {
            return await ParkCli.RunAsync(args);
        }

        var app = ParkWebApp.Build(args);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (MigrationFailedException ex)
        {
            await Console.Error.WriteLineAsync(ParkCli.Describe(ex, ParkCli.SharedStrings()));
            return 2;
        }
        catch (DatabaseUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(ParkCli.Describe(ex, ParkCli.SharedStrings()));
            return 2;
        }
        catch (Documents.FontUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
