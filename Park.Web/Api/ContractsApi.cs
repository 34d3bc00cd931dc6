using Microsoft.AspNetCore.Mvc;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Web.Access;
using Park.Web.Hosting;

namespace Park.Web.Api;

/// <summary>Contract PDFs: the API (scoped; out of scope = 404) and the file endpoint the pages use.</summary>
public static class ContractsApi
{
    public static void MapContractsApi(this IEndpointRouteBuilder app, RouteGroupBuilder v1)
    {
        v1.MapGet("/leases/{id:long}/contract.pdf", ContractPdfAsync)
            .WithName("GetLeaseContractPdf")
            .WithSummary("The lease's latest issued contract PDF (language=zh-CN or en-US, or either), exactly as stored, so its SHA-256 verifies; 404 when none is issued.");
        v1.MapGet("/leases/{id:long}/contracts", ListAsync)
            .WithName("ListLeaseContracts")
            .WithSummary("The contract versions generated for a lease.");
        app.MapGet("/contracts/files/{id:long}", FileAsync).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>The stored file, never a fresh render: a lease without an issued contract reads like a missing lease.</summary>
    private static async Task<IResult> ContractPdfAsync(long id, string? language, string? lang, ScopeProvider scopes, ContractService contracts, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        var wanted = language ?? lang; // lang: the parameter's earlier name
        if (wanted is not null && !ContractTemplateStore.Languages.Contains(wanted, StringComparer.Ordinal))
        {
            return TypedResults.Problem(statusCode: 400, detail: "TemplateLanguageUnknown");
        }

        var file = await contracts.LatestFileAsync(scope, id, wanted, ct);
        return file.Succeeded
            ? TypedResults.PhysicalFile(file.Value!.FullPath, "application/pdf", file.Value.DownloadName)
            : TypedResults.NotFound();
    }

    private static async Task<IResult> ListAsync(long id, ScopeProvider scopes, ContractService contracts, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        if (!await contracts.LeaseVisibleAsync(scope, id, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await contracts.ListAsync(scope, id, ct);
        return TypedResults.Ok(new Page<ContractVersionRow>(rows, rows.Count).ToResponse());
    }

    /// <summary>Attachment by default; <c>?inline=true</c> for the in-page preview (framable by this site only).</summary>
    private static async Task<IResult> FileAsync(long id, [FromQuery] bool? inline, HttpContext http, ScopeProvider scopes, ContractService contracts, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        var file = await contracts.FileAsync(scope, id, ct);
        if (!file.Succeeded)
        {
            return TypedResults.NotFound();
        }

        if (inline == true)
        {
            http.Items[SecurityHeaders.FramableBySelf] = true;
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{file.Value!.DownloadName}\"";
            return TypedResults.PhysicalFile(file.Value.FullPath, "application/pdf");
        }

        return TypedResults.PhysicalFile(file.Value!.FullPath, "application/pdf", file.Value.DownloadName);
    }
}
