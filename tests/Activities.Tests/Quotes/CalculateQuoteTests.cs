using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Activities.Tests.Quotes;

public sealed class CalculateQuoteTests
{
    private readonly TestInterpreter _interpreter = new();

    [Fact]
    public async Task Prices_the_domain_example_through_the_interpreter()
    {
        var result = await _interpreter.RunAsync("CalculateQuote", new JsonObject { ["productType"] = "T-Shirt", ["quantity"] = 150 });

        Assert.True(result.Status == WorkflowStatus.Completed, result.Incident?.Error);
        var output = result.State.Outputs["act"]!;
        Assert.Equal("t_shirt", output["category"]!.GetValue<string>());
        Assert.Equal(8.645m, output["unitPrice"]!.GetValue<decimal>());
        Assert.Equal(1296.75m, output["total"]!.GetValue<decimal>());
        Assert.Equal((14, 7, 6), (output["leadTimeDays"]!.GetValue<int>(), output["samplingDays"]!.GetValue<int>(), output["productionDays"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Complexity_input_changes_the_factor()
    {
        var result = await _interpreter.RunAsync("CalculateQuote", new JsonObject { ["productType"] = "hoodie", ["quantity"] = 200, ["complexity"] = "complex" });
        Assert.True(result.Status == WorkflowStatus.Completed, result.Incident?.Error);
        // 14.00 × 1.6 × 0.90 = 20.16; × 200 = 4,032.00
        Assert.Equal(20.16m, result.State.Outputs["act"]!["unitPrice"]!.GetValue<decimal>());
        Assert.Equal(4032m, result.State.Outputs["act"]!["total"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("spaceship", 150, "medium", "productType 'spaceship' is not a category")]
    [InlineData("t_shirt", 49, "medium", "quantity must be between 50 and 100,000")]
    [InlineData("t_shirt", 150.5, "medium", "quantity must be a whole number")]
    [InlineData("t_shirt", 150, "extreme", "complexity 'extreme' is not one of")]
    public async Task Invalid_input_faults_naming_the_field(string productType, double quantity, string complexity, string error)
    {
        // An expression, so the value reaches the activity at run time (a literal "extreme" is refused at publish).
        var result = await _interpreter.RunAsync("CalculateQuote", new JsonObject { ["productType"] = productType, ["quantity"] = quantity, ["complexity"] = new JsonObject { ["$js"] = $"'{complexity}'" } });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Contains(error, result.Incident!.Error, StringComparison.Ordinal);
    }
}
