using System.Text;
using Park.Domain.Data;
using Park.Domain.Documents;

namespace Park.Domain.Contracts;

/// <summary>One numbered article of a template: its title and its clauses (raw markup).</summary>
public sealed record TemplateArticle(string Title, IReadOnlyList<string> Clauses);

/// <summary>
/// The clause-template markup. A line <c>## Title</c> starts an article (numbered 第一条 / Article 1);
/// every other non-empty line is one clause of that article (numbered 1.1, 1.2…). <c>**text**</c> is
/// bold; <c>{tenant.name}</c> and the other <see cref="Placeholders"/> are filled from the lease.
/// </summary>
public static class ClauseTemplate
{
    public const int MaxLength = 100_000;

    /// <summary>Every placeholder a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "contract.number", "lease.number", "lessor.name", "lessor.uscc", "park.name", "park.address",
        "tenant.name", "tenant.uscc", "tenant.address", "tenant.representative", "lessor.representative", "lease.term", "lease.start", "lease.end", "lease.months", "lease.seats",
        "lease.price", "lease.price_words", "lease.monthly", "lease.monthly_words", "lease.total", "lease.total_words",
        "lease.deposit", "lease.deposit_words", "lease.deposit_months", "lease.cycle", "lease.escalation",
    ];

    /// <summary>Parses and validates; the problem names the line and the offending placeholder.</summary>
    public static Result<IReadOnlyList<TemplateArticle>> Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Problem.Invalid("body", "TemplateEmpty");
        }

        if (body.Length > MaxLength)
        {
            return Problem.Invalid("body", "TemplateTooLong", MaxLength);
        }

        var articles = new List<(string Title, List<string> Clauses)>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (Check(line, n + 1) is { } problem)
            {
                return problem;
            }

            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                var title = line[2..].Trim();
                if (title.Length == 0)
                {
                    return Problem.Invalid("body", "TemplateArticleWithoutTitle", n + 1);
                }

                articles.Add((title, []));
            }
            else if (articles.Count == 0)
            {
                return Problem.Invalid("body", "TemplateClauseOutsideArticle", n + 1);
            }
            else
            {
                articles[^1].Clauses.Add(line);
            }
        }

        return articles.Count == 0
            ? Problem.Invalid("body", "TemplateEmpty")
            : articles.Select(a => new TemplateArticle(a.Title, a.Clauses)).ToArray();
    }

    private static Problem? Check(string line, int lineNo)
    {
        if (CountOf(line, "**") % 2 != 0)
        {
            return Problem.Invalid("body", "TemplateUnbalancedBold", lineNo);
        }

        var open = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '{')
            {
                if (open >= 0)
                {
                    return Problem.Invalid("body", "TemplateUnbalancedBraces", lineNo);
                }

                open = i;
            }
            else if (line[i] == '}')
            {
                if (open < 0)
                {
                    return Problem.Invalid("body", "TemplateUnbalancedBraces", lineNo);
                }

                var name = line[(open + 1)..i].Trim();
                if (!Placeholders.Contains(name, StringComparer.Ordinal))
                {
                    return Problem.Invalid("body", "TemplateUnknownPlaceholder", "{" + name + "}", lineNo);
                }

                open = -1;
            }
        }

        return open >= 0 ? Problem.Invalid("body", "TemplateUnbalancedBraces", lineNo) : null;
    }

    /// <summary>Bold runs of a clause with its placeholders filled from <paramref name="values"/>.</summary>
    public static IReadOnlyList<TextRun> Resolve(string clause, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(values);
        var parts = clause.Split("**");
        var runs = new List<TextRun>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                runs.Add(new TextRun(Fill(parts[i], values), Bold: i % 2 == 1));
            }
        }

        return runs;
    }

    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, open - i);
            var name = text[(open + 1)..close].Trim();
            result.Append(values.TryGetValue(name, out var value) ? value : text[open..(close + 1)]);
            i = close + 1;
        }

        return result.ToString();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
