using Park.Domain.Data;

namespace Park.Domain.Tenants;

/// <summary>A tenant's place in the park: prospect → admitted → active → exited.</summary>
public static class TenantRules
{
    public static readonly string[] Statuses = ["prospect", "admitted", "active", "exited"];

    public static readonly string[] BusinessTypes = ["outsourcing", "in_house", "gov_hotline"];

    private static readonly HashSet<(string, string)> Moves =
    [
        ("prospect", "admitted"),
        ("admitted", "active"),
        ("prospect", "exited"),
        ("admitted", "exited"),
        ("active", "exited"),
    ];

    public static bool CanMove(string from, string to) => Moves.Contains((from, to));

    public static Problem? CheckMove(string from, string to) =>
        CanMove(from, to) ? null : Problem.Conflict("TenantStatusMoveRefused", from, to);

    /// <summary>Null when the registration details hold together.</summary>
    public static Problem? Validate(TenantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.NameZh) || input.NameZh.Trim().Length > 100)
        {
            return Problem.Invalid("nameZh", "TenantNameRequired");
        }

        if (input.NameEn.Trim().Length > 200)
        {
            return Problem.Invalid("nameEn", "TextTooLong");
        }

        if (Uscc.Check(Normalize(input.Uscc)) is { } usccError)
        {
            return Problem.Invalid("uscc", usccError);
        }

        if (!BusinessTypes.Contains(input.BusinessType))
        {
            return Problem.Invalid("businessType", "BusinessTypeUnknown");
        }

        if (!string.IsNullOrWhiteSpace(input.InvoiceUscc) && Uscc.Check(Normalize(input.InvoiceUscc)) is { } invoiceError)
        {
            return Problem.Invalid("invoiceUscc", invoiceError);
        }

        if (input.LegalRepresentative.Trim().Length > 60)
        {
            return Problem.Invalid("legalRepresentative", "TextTooLong");
        }

        var texts = new[] { input.InvoiceName, input.InvoiceAddress, input.InvoicePhone, input.InvoiceBank, input.InvoiceAccount };
        return texts.Any(t => t.Length > 200) ? Problem.Invalid("invoice", "TextTooLong") : null;
    }

    public static string Normalize(string? uscc) => (uscc ?? "").Trim().ToUpperInvariant();
}

/// <summary>What a park administrator types when registering or editing a tenant.</summary>
public sealed record TenantInput(
    string NameZh,
    string NameEn,
    string Uscc,
    string BusinessType,
    string InvoiceName = "",
    string InvoiceUscc = "",
    string InvoiceAddress = "",
    string InvoicePhone = "",
    string InvoiceBank = "",
    string InvoiceAccount = "",
    string LegalRepresentative = "");

public sealed record ContactInput(string Name, string Title, string Phone, string Email, bool IsPrimary);
