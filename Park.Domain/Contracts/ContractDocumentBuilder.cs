using System.Globalization;
using Park.Domain.Data;
using Park.Domain.Documents;

namespace Park.Domain.Contracts;

/// <summary>
/// Turns a lease version, its payment schedule and a clause template into a contract document
/// (or an amendment referencing its base contract): parties, premises, terms with amounts in
/// figures and in 大写, the template's clauses, signatures and seals, the seat schedule and the
/// full payment schedule. Pure: the same inputs give the same document.
/// </summary>
public static class ContractDocumentBuilder
{
    public static Document Build(LeaseContractSource lease, PaymentSchedule schedule, IReadOnlyList<TemplateArticle> template, string language)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(template);
        var t = ContractText.For(language);
        var values = Placeholders(lease, schedule, t);
        var title = lease.IsAmendment ? string.Format(CultureInfo.InvariantCulture, t.AmendmentTitle, lease.AmendmentNo) : t.Title;
        var blocks = new List<Block>();
        if (!lease.IsSigned)
        {
            // A preview of a version not signed yet: never issued, so say so on the first line.
            blocks.Add(new Paragraph([new TextRun(t.DraftNotice, Bold: true)], Align.Center));
        }

        blocks.Add(new Heading(title, 0));
        blocks.Add(new Paragraph([new TextRun(t.ContractNo + (t.IsChinese ? "：" : ": ")), new TextRun(lease.ContractNumber, Bold: true)], Align.Right));
        if (lease.BaseContractNumber is { } baseNumber)
        {
            blocks.Add(new Paragraph($"{t.BaseContractNo}{(t.IsChinese ? "：" : ": ")}{baseNumber}", Align.Right));
            blocks.Add(new Paragraph($"{t.EffectiveFrom}{(t.IsChinese ? "：" : ": ")}{t.Date(lease.EffectiveFrom)}", Align.Right));
            blocks.Add(new Paragraph(string.Format(CultureInfo.InvariantCulture, t.AmendmentPreamble, baseNumber)));
            blocks.Add(new Paragraph(string.Format(CultureInfo.InvariantCulture, t.AmendmentEffective, t.Date(lease.EffectiveFrom))));
        }

        blocks.Add(new Heading(t.Parties));
        blocks.Add(Parties(lease, t));
        blocks.Add(new Heading(t.Premises));
        blocks.Add(Premises(lease, t));
        blocks.Add(new Heading(t.Terms));
        blocks.Add(Terms(lease, schedule, t, values));
        AddClauses(blocks, template, values, t);
        if (!string.IsNullOrWhiteSpace(lease.SpecialTerms))
        {
            blocks.Add(new Heading(t.SpecialTerms));
            blocks.Add(new Paragraph(lease.SpecialTerms.Trim()));
        }

        blocks.Add(new Spacer(6));
        blocks.Add(Signatures(lease, t));
        blocks.Add(new PageBreak());
        blocks.Add(new Heading(t.SeatSchedule));
        blocks.Add(SeatTable(lease, t));
        blocks.Add(new Heading(t.PaymentScheduleTitle));
        blocks.Add(PaymentTable(schedule, t));

        var tenantName = Name(lease.Tenant, t);
        var metadata = new DocumentMetadata($"{title} {lease.ContractNumber}", Name(lease.Lessor, t),
            $"{title} — {tenantName}", $"{lease.ContractNumber}; {lease.Tenant.Uscc}; {lease.LeaseNumber}", language);
        var header = $"{title} · {lease.ContractNumber}";
        return new Document(metadata, new PageFurniture(lease.IsSigned ? header : $"{t.DraftMark} {header}", t.Footer), blocks);
    }

    /// <summary>The values a template's placeholders are filled with.</summary>
    public static IReadOnlyDictionary<string, string> Placeholders(LeaseContractSource lease, PaymentSchedule schedule, string language) =>
        Placeholders(lease, schedule, ContractText.For(language));

    private static Dictionary<string, string> Placeholders(LeaseContractSource lease, PaymentSchedule schedule, ContractText t)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var terms = lease.Terms;
        var price = new Money(terms.PricePerSeatFen);
        var monthly = price.Times(lease.Seats.Count);
        var deposit = monthly.Times(lease.DepositMonths);
        var months = MonthsOf(terms.Start, terms.End);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["contract.number"] = lease.ContractNumber,
            ["lease.number"] = lease.LeaseNumber,
            ["lessor.name"] = Name(lease.Lessor, t),
            ["lessor.uscc"] = lease.Lessor.Uscc,
            ["park.name"] = t.IsChinese ? lease.ParkNameZh : lease.ParkNameEn,
            ["park.address"] = lease.Lessor.Address,
            ["tenant.name"] = Name(lease.Tenant, t),
            ["tenant.uscc"] = lease.Tenant.Uscc,
            ["tenant.address"] = lease.Tenant.Address,
            ["tenant.representative"] = lease.Tenant.Representative,
            ["lessor.representative"] = lease.Lessor.Representative,
            ["lease.term"] = t.Period(terms.Start, terms.End),
            ["lease.start"] = t.Date(terms.Start),
            ["lease.end"] = t.Date(terms.End.AddDays(-1)),
            ["lease.months"] = months.ToString(CultureInfo.InvariantCulture),
            ["lease.seats"] = lease.Seats.Count.ToString(CultureInfo.InvariantCulture),
            ["lease.price"] = price.ToString(),
            ["lease.price_words"] = AmountInWords.Chinese(price),
            ["lease.monthly"] = monthly.ToString(),
            ["lease.monthly_words"] = AmountInWords.Chinese(monthly),
            ["lease.total"] = schedule.Total.ToString(),
            ["lease.total_words"] = AmountInWords.Chinese(schedule.Total),
            ["lease.deposit"] = deposit.ToString(),
            ["lease.deposit_words"] = AmountInWords.Chinese(deposit),
            ["lease.deposit_months"] = lease.DepositMonths.ToString(CultureInfo.InvariantCulture),
            ["lease.cycle"] = t.CycleName(terms.Cycle),
            ["lease.escalation"] = Escalation(terms, t),
        };
    }

    private static KeyValueBlock Parties(LeaseContractSource lease, ContractText t)
    {
        const string blank = "________________";
        return new KeyValueBlock(
        [
            new KeyValue(t.Lessor, Name(lease.Lessor, t)),
            new KeyValue(t.Uscc, lease.Lessor.Uscc),
            new KeyValue(t.Address, lease.Lessor.Address.Length > 0 ? lease.Lessor.Address : blank),
            new KeyValue(t.Representative, lease.Lessor.Representative.Length > 0 ? lease.Lessor.Representative : blank),
            new KeyValue(t.Lessee, Name(lease.Tenant, t)),
            new KeyValue(t.Uscc, lease.Tenant.Uscc),
            new KeyValue(t.Address, lease.Tenant.Address.Length > 0 ? lease.Tenant.Address : blank),
            new KeyValue(t.Representative, lease.Tenant.Representative.Length > 0 ? lease.Tenant.Representative : blank),
        ]);
    }

    private static KeyValueBlock Premises(LeaseContractSource lease, ContractText t)
    {
        var separator = t.IsChinese ? "、" : ", ";
        return new KeyValueBlock(
        [
            new KeyValue(t.Park, (t.IsChinese ? lease.ParkNameZh : lease.ParkNameEn) + (lease.Lessor.Address.Length == 0 ? "" : t.IsChinese ? $"（{lease.Lessor.Address}）" : $" ({lease.Lessor.Address})")),
            new KeyValue(t.Buildings, string.Join(separator, lease.Seats.Select(s => s.Building).Distinct())),
            new KeyValue(t.Floors, string.Join(separator, lease.Seats.Select(s => $"{s.Building}-{s.Floor}").Distinct())),
            new KeyValue(t.SeatCount, t.IsChinese ? $"{lease.Seats.Count} 个（明细见附件一）" : $"{lease.Seats.Count} (listed in Schedule 1)"),
        ]);
    }

    private static KeyValueBlock Terms(LeaseContractSource lease, PaymentSchedule schedule, ContractText t, Dictionary<string, string> values)
    {
        var terms = lease.Terms;
        var price = new Money(terms.PricePerSeatFen);
        var monthly = price.Times(lease.Seats.Count);
        var deposit = monthly.Times(lease.DepositMonths);
        var items = new List<KeyValue>
        {
            new(t.Term, values["lease.term"] + (t.IsChinese ? $"（共 {values["lease.months"]} 个月）" : $" ({values["lease.months"]} months)")),
        };
        if (lease.IsAmendment)
        {
            items.Add(new KeyValue(t.EffectiveFrom, t.Date(lease.EffectiveFrom)));
        }

        items.AddRange(
        [
            new(t.Price, t.Amount(price)),
            new(t.Monthly, t.Amount(monthly)),
            new(t.Cycle, t.CycleName(terms.Cycle) + (t.IsChinese ? "，明细见附件二" : "; see Schedule 2")),
            new(t.Deposit, t.Amount(deposit) + (t.IsChinese ? $"（{lease.DepositMonths} 个月租金）" : (lease.DepositMonths == 1 ? " (1 month's rent)" : $" ({lease.DepositMonths} months' rent)"))),
            new(t.Escalation, values["lease.escalation"]),
        ]);
        if (terms.Ramp.Count > 0)
        {
            items.Add(new KeyValue(t.Ramp, string.Join(t.IsChinese ? "；" : "; ",
                terms.Ramp.Select(r => t.IsChinese ? $"{t.Date(r.From)}起计费 {r.Seats} 席" : $"from {t.Date(r.From)}: {r.Seats} seats billed"))));
        }

        if (terms.Concessions.Count > 0)
        {
            items.Add(new KeyValue(t.Concessions, string.Join(t.IsChinese ? "；" : "; ", terms.Concessions.Select(c =>
                t.Period(c.Start, c.End) + (c.DiscountBp == 10000 ? (t.IsChinese ? " 免租" : " rent-free")
                    : t.IsChinese ? $" 租金减免 {c.DiscountBp / 100m:0.##}%" : $" {c.DiscountBp / 100m:0.##}% off")))));
        }

        items.Add(new KeyValue(lease.IsAmendment ? t.AmendmentTotal : t.Total, t.Amount(schedule.Total)));
        return new KeyValueBlock(items);
    }

    private static void AddClauses(List<Block> blocks, IReadOnlyList<TemplateArticle> template, Dictionary<string, string> values, ContractText t)
    {
        for (var a = 0; a < template.Count; a++)
        {
            var article = template[a];
            var heading = new Heading($"{t.ArticleNumber(a + 1)}{(t.IsChinese ? "　" : "  ")}{ClauseTemplate.Fill(article.Title, values)}", 2);
            if (article.Clauses.Count == 0)
            {
                blocks.Add(heading);
                continue;
            }

            // The heading travels with its first clause.
            blocks.Add(new KeepTogether([heading, Clause(article, 0, a, values)]));
            for (var c = 1; c < article.Clauses.Count; c++)
            {
                blocks.Add(Clause(article, c, a, values));
            }
        }
    }

    private static Clause Clause(TemplateArticle article, int c, int a, Dictionary<string, string> values) =>
        new($"{a + 1}.{c + 1}", ClauseTemplate.Resolve(article.Clauses[c], values));

    private static SignatureBlock Signatures(LeaseContractSource lease, ContractText t) => new(
    [
        new SignatureParty(t.SealLessor, Name(lease.Lessor, t), [t.SignLine, t.DateLine]),
        new SignatureParty(t.SealLessee, Name(lease.Tenant, t), [t.SignLine, t.DateLine]),
    ]);

    private static Table SeatTable(LeaseContractSource lease, ContractText t)
    {
        var h = t.SeatHeaders;
        var columns = new TableColumn[]
        {
            new(h[0], 0.6f, Align.Right), new(h[1], 1.7f), new(h[2], 0.7f, Align.Center), new(h[3], 0.7f, Align.Center),
            new(h[4], 0.7f, Align.Center), new(h[5], 0.9f), new(h[6], 2.3f),
        };
        var rows = lease.Seats.Select((s, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), s.Code, s.Building, s.Floor, s.Zone, t.SeatType(s.SeatType), t.Equipment(s),
        ]).ToArray();
        var total = t.IsChinese ? $"合计 {lease.Seats.Count} 个座席" : $"Total: {lease.Seats.Count} seats";
        return new Table(columns, rows, ["", total, "", "", "", "", ""]);
    }

    private static Table PaymentTable(PaymentSchedule schedule, ContractText t)
    {
        var h = t.PaymentHeaders;
        var columns = new TableColumn[]
        {
            new(h[0], 0.5f, Align.Right), new(h[1], 1.25f), new(h[2], 1.25f), new(h[3], 1.25f), new(h[4], 0.7f, Align.Right),
            new(h[5], 1.1f, Align.Right), new(h[6], 1.4f, Align.Right), new(h[7], 0.9f),
        };
        var marked = new HashSet<int>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var p in schedule.Periods)
        {
            var notes = new List<string>();
            if (p.RentFree)
            {
                notes.Add(t.RentFree);
            }

            if (p.Discounted)
            {
                notes.Add(t.Discounted);
            }

            if (p.Escalated)
            {
                notes.Add(t.Escalated);
            }

            if (notes.Count > 0)
            {
                marked.Add(rows.Count);
            }

            rows.Add(
            [
                p.Number.ToString(CultureInfo.InvariantCulture), ShortDate(p.Start), ShortDate(p.End.AddDays(-1)), ShortDate(p.Due),
                p.Seats.ToString(CultureInfo.InvariantCulture), new Money(p.PricePerSeatFen).ToString(), p.Amount.ToString(),
                string.Join(t.IsChinese ? "、" : ", ", notes),
            ]);
        }

        var totalLabel = t.IsChinese ? "合计" : "Total";
        return new Table(columns, rows, ["", totalLabel, "", "", "", "", schedule.Total.ToString(), ""]) { MarkedRows = marked };
    }

    private static string ShortDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(ContractParty party, ContractText t) => t.IsChinese || party.NameEn.Length == 0 ? party.NameZh : party.NameEn;

    private static string Escalation(ScheduleTerms terms, ContractText t) => (terms.EscalationKind, t.IsChinese) switch
    {
        ("percent", true) => $"自租期起每满一年，座席单价在上一年基础上上调 {terms.EscalationValue / 100m:0.##}%",
        ("percent", false) => $"the price per seat rises by {terms.EscalationValue / 100m:0.##}% on each anniversary of the start date",
        ("fixed", true) => $"自租期起每满一年，座席单价上调 {new Money(terms.EscalationValue)}/席/月",
        ("fixed", false) => $"the price per seat rises by {new Money(terms.EscalationValue)} per month on each anniversary",
        (_, true) => "租期内不递增",
        _ => "none during the term",
    };

    private static int MonthsOf(DateOnly start, DateOnly end)
    {
        var months = 0;
        while (start.AddMonths(months + 1) <= end)
        {
            months++;
        }

        return months;
    }
}
