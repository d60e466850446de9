using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Rules;

public sealed class RuleSetValidationTests
{
    [Fact]
    public void The_repository_rule_files_all_compile()
    {
        var files = RuleFiles.Catalog.LoadDirectory(RuleFiles.Directory);
        Assert.Equal(["automation", "supplier-eligibility", "supplier-scoring", "supplier-urgency"], files.Select(f => f.Name));
        Assert.All(files, f => Assert.True(f.IsValid, string.Join("; ", f.Problems)));
    }

    [Fact]
    public void A_broken_expression_is_refused_naming_the_rule_and_the_parse_error()
    {
        var json = RuleFiles.Read("supplier-eligibility").Replace("input1.Supplier.ActiveOrders < input1.Supplier.Capacity", "input1.Supplier.ActiveOrders < ", StringComparison.Ordinal);
        var file = RuleFiles.Catalog.Parse(RuleSetCatalog.SupplierEligibility, json);

        var problem = Assert.Single(file.Problems);
        Assert.Equal(("supplier-eligibility", "SupplierEligibility", "HasFreeCapacity"), (problem.RuleSet, problem.Workflow, problem.Rule));
        Assert.Contains("Expression does not compile", problem.Error, StringComparison.Ordinal);
        Assert.Contains("Expression expected", problem.Error, StringComparison.Ordinal);
        var thrown = Assert.Throws<InvalidRuleSetException>(() => file.EnsureValid());
        Assert.Contains("HasFreeCapacity", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_member_is_refused()
    {
        var json = RuleFiles.Read("automation").Replace("input1.QuoteTotal", "input1.QuoteTotl", StringComparison.Ordinal);
        var problem = Assert.Single(RuleFiles.Catalog.Parse(RuleSetCatalog.Automation, json).Problems);

        Assert.Equal("LargeQuoteNeedsReview", problem.Rule);
        Assert.Contains("QuoteTotl", problem.Error, StringComparison.Ordinal);
        Assert.Contains(nameof(AutomationInput), problem.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_output_expression_is_refused()
    {
        var json = RuleFiles.Read("automation").Replace("new (\\\"email_ops\\\" as action)", "new (\\\"email_ops\\\" as )", StringComparison.Ordinal);
        var problem = Assert.Single(RuleFiles.Catalog.Parse(RuleSetCatalog.Automation, json).Problems);

        Assert.Equal("LateStageEmailsOps", problem.Rule);
        Assert.Contains("OnSuccess OutputExpression does not compile", problem.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData("not json", "not valid RulesEngine JSON")]
    [InlineData("[]", "no workflows")]
    [InlineData("""[{"WorkflowName":"W","Rules":[]}]""", "no rules")]
    [InlineData("""[{"WorkflowName":"W","Rules":[{"RuleName":"R","Expression":"true","Actions":{"OnSuccess":{"Name":"Shout","Context":{}}}}]}]""", "action 'Shout' is unknown")]
    [InlineData("""[{"WorkflowName":"W","Rules":[{"RuleName":"R","Expression":"true"},{"RuleName":"R","Expression":"true"}]}]""", "used twice")]
    [InlineData("""[{"WorkflowName":"W","Rules":[{"RuleName":"R","Expression":" "}]}]""", "Expression is empty")]
    [InlineData("""[{"WorkflowName":"W","Rules":[{"RuleName":"R","Expression":"input1.Quantity"}]}]""", "Expression does not compile")]
    public void Structural_problems_are_refused(string json, string error)
    {
        var file = RuleFiles.Catalog.Parse(RuleSetCatalog.SupplierUrgency, json);
        Assert.Contains(file.Problems, p => p.Error.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Local_params_compile_into_the_rule_scope()
    {
        const string json = """
            [{"WorkflowName":"W","Rules":[{"RuleName":"Big","LocalParams":[{"Name":"units","Expression":"input1.Quantity * 2"}],"Expression":"units > 100"}]}]
            """;
        Assert.Empty(RuleFiles.Catalog.Parse(RuleSetCatalog.SupplierUrgency, json).Problems);
    }

    [Fact]
    public void An_unknown_rule_set_lists_the_known_ones()
    {
        var error = Assert.Throws<UnknownRuleSetException>(() => RuleFiles.Catalog.Get("pricing"));
        Assert.Equal("Unknown rule set 'pricing'; known rule sets: automation, supplier-eligibility, supplier-scoring, supplier-urgency.", error.Message);
    }

    [Fact]
    public async Task The_runner_refuses_an_input_of_another_shape()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            RuleFiles.Runner.RunAsync(RuleSetCatalog.Automation, new UrgencyInput(1, 1), CancellationToken.None));
    }
}
