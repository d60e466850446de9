using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Rules;

public sealed class UrgencyAndAutomationTests
{
    [Theory]
    [InlineData(100, 0, "low")]
    [InlineData(100, 1440, "low")] // exactly 1 day
    [InlineData(100, 1441, "medium")] // 1 day + 1 minute
    [InlineData(100, 4320, "medium")] // exactly 3 days
    [InlineData(100, 4321, "high")] // 3 days + 1 minute
    [InlineData(500, 0, "low")]
    [InlineData(501, 0, "medium")]
    [InlineData(1000, 0, "medium")]
    [InlineData(1001, 0, "high")]
    public async Task Urgency_follows_the_documented_bands(int quantity, int waitedMinutes, string level)
    {
        var order = RuleFiles.Order(quantity);
        var assessment = await UrgencyAssessment.AssessAsync(RuleFiles.Runner, order, order.CreatedAt.AddMinutes(waitedMinutes), CancellationToken.None);

        Assert.Equal(level, assessment.Level);
        Assert.Equal(char.ToUpperInvariant(level[0]) + level[1..] + "Urgency", assessment.Rule);
    }

    [Theory]
    [InlineData(10000, 0, 0, null)]
    [InlineData(10000.01, 0, 0, "admin_review")]
    [InlineData(50000, 3, 0, "skip_review")] // a repeat buyer skips review: its rule comes first
    [InlineData(500, 2, 0, null)]
    [InlineData(500, 0, 1.9, null)]
    [InlineData(500, 0, 2, "email_ops")]
    public async Task Automation_outcomes_follow_the_rules_order(double total, int completedOrders, double daysLate, string? action)
    {
        var input = new AutomationInput { QuoteTotal = (decimal)total, BuyerCompletedOrders = completedOrders, StageDaysLate = daysLate };
        var result = await RuleFiles.Runner.RunAsync(RuleSetCatalog.Automation, input, CancellationToken.None);

        Assert.Equal(action, result.FirstAction);
        Assert.Equal(4, result.Matched.Count + result.Failed.Count);
    }

    [Theory]
    [InlineData(59, null)]
    [InlineData(60, "extra_qc")]
    public async Task A_high_quality_risk_asks_for_extra_QC(int riskScore, string? action)
    {
        var input = new AutomationInput { QuoteTotal = 500, RiskScore = riskScore };
        var result = await RuleFiles.Runner.RunAsync(RuleSetCatalog.Automation, input, CancellationToken.None);
        Assert.Equal(action, result.FirstAction);
    }

    [Fact]
    public async Task Automation_result_names_matched_rules_with_outputs_and_failed_rules_with_why()
    {
        var input = new AutomationInput { QuoteTotal = 25000, BuyerCompletedOrders = 1 };
        var json = (await RuleFiles.Runner.RunAsync(RuleSetCatalog.Automation, input, CancellationToken.None)).ToJson();

        Assert.Equal("admin_review", json["action"]!.GetValue<string>());
        var matched = Assert.Single(json["matched"]!.AsArray());
        Assert.Equal("LargeQuoteNeedsReview", matched!["rule"]!.GetValue<string>());
        Assert.Equal("""{"action":"admin_review"}""", matched["output"]!.ToJsonString());
        Assert.Contains(json["failed"]!.AsArray(), f => f!["rule"]!.GetValue<string>() == "RepeatBuyerSkipsReview"
            && f["message"]!.GetValue<string>().Contains("fewer than 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_input_is_read_as_the_typed_input()
    {
        var input = System.Text.Json.Nodes.JsonNode.Parse("""{"quoteTotal": 12000, "buyerCompletedOrders": 0}""");
        var result = await RuleFiles.Runner.RunJsonAsync(RuleSetCatalog.Automation, input, CancellationToken.None);
        Assert.Equal("admin_review", result.FirstAction);
    }
}
