using Park.Domain.Contracts;

namespace Park.Tests.Contracts;

public sealed class ClauseTemplateTests
{
    [Fact]
    public void Parse_UnknownPlaceholder_IsAnErrorNamingIt()
    {
        var result = ClauseTemplate.Parse("## 租金\n乙方 {tenant.name} 支付 {lease.rent} 元。");
        Assert.False(result.Succeeded);
        Assert.Equal("TemplateUnknownPlaceholder", result.Problem!.Code);
        Assert.Equal("{lease.rent}", result.Problem.Args[0]);
        Assert.Equal(2, result.Problem.Args[1]);
    }

    [Theory]
    [InlineData("## 租金\n乙方 **按时 支付。", "TemplateUnbalancedBold")]
    [InlineData("## 租金\n乙方 {tenant.name 支付。", "TemplateUnbalancedBraces")]
    [InlineData("## 租金\n乙方 tenant.name} 支付。", "TemplateUnbalancedBraces")]
    [InlineData("乙方支付。", "TemplateClauseOutsideArticle")]
    [InlineData("  \n ", "TemplateEmpty")]
    [InlineData("##\n乙方支付。", "TemplateArticleWithoutTitle")]
    public void Parse_BadMarkup_IsRejected(string body, string code)
    {
        var result = ClauseTemplate.Parse(body);
        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Problem!.Code);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void Parse_DefaultTemplates_AreValid(string language)
    {
        var result = ClauseTemplate.Parse(DefaultTemplates.For(language));
        Assert.True(result.Succeeded, result.Problem?.Code);
        Assert.Equal(7, result.Value!.Count);
    }

    [Fact]
    public void Resolve_FillsPlaceholdersAndSplitsBoldRuns()
    {
        var values = new Dictionary<string, string> { ["tenant.name"] = "恒信通", ["lease.total"] = "¥720,000.00" };
        var runs = ClauseTemplate.Resolve("乙方{tenant.name}应付 **{lease.total}** 。", values);
        Assert.Equal(["乙方恒信通应付 ", "¥720,000.00", " 。"], runs.Select(r => r.Text));
        Assert.Equal([false, true, false], runs.Select(r => r.Bold));
    }

    [Theory]
    [InlineData(50L * 1024 * 1024, "%PDF-1.4", "VerifyTooLarge")]
    [InlineData(1000L, "PK\u0003\u0004zip", "VerifyNotPdf")]
    [InlineData(3L, "%PD", "VerifyNotPdf")]
    [InlineData(1000L, "%PDF-1.4", null)]
    public void VerifyUpload_RejectsNonPdfAndOver20Mb(long size, string start, string? code) =>
        Assert.Equal(code, VerifyUpload.Reject(size, System.Text.Encoding.ASCII.GetBytes(start)));
}
