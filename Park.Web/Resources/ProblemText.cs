using Microsoft.Extensions.Localization;
using Park.Domain.Data;

namespace Park.Web.Resources;

public static class ProblemText
{
    /// <summary>The problem in the user's language: its code is a key in Shared.resx.</summary>
    public static string Describe(this IStringLocalizer localizer, Problem problem)
    {
        var text = localizer[problem.Code, problem.Args];
        return text.ResourceNotFound ? localizer["UnexpectedProblem", problem.Code] : text.Value;
    }
}
