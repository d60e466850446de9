using Sleek.Workflows.Engine.Definitions;

namespace Sleek.Workflows.Engine.Tests.Definitions;

/// <summary>An activity's <c>retry</c> is checked before publish; each error names the retry field and the activity.</summary>
public sealed class RetryPolicyValidationTests
{
    private readonly TestEngine _engine = new();

    private IReadOnlyList<ValidationError> ErrorsWith(object retry)
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("call", "HttpRequest", new { url = "http://partner.test/" })
            .Chain("start", "call")
            .Retry("call", retry);
        return _engine.Validate(flow.ToJson()).Errors;
    }

    [Fact]
    public void Valid_policy_is_accepted_and_read_into_the_node()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("call", "HttpRequest", new { url = "http://partner.test/" })
            .Chain("start", "call")
            .Retry("call", new { maxAttempts = 4, initialDelay = "PT2S", maxDelay = "PT1M", factor = 3 });

        var validation = _engine.Validate(flow.ToJson());

        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        var retry = validation.Definition!.Root.Activities.Single(a => a.Id == "call").Retry!;
        Assert.Equal((4, "PT2S", "PT1M", 3.0), (retry.MaxAttempts, retry.InitialDelay, retry.MaxDelay, retry.Factor));
    }

    [Theory]
    [InlineData("initialDelay", "soon")]
    [InlineData("initialDelay", "PT0S")]
    [InlineData("maxDelay", "P30D")]
    public void Delay_that_is_not_a_usable_duration_is_refused(string field, string value)
    {
        var retry = new Dictionary<string, object> { ["maxAttempts"] = 3, [field] = value };

        var error = Assert.Single(ErrorsWith(retry), e => e.Field.Contains(".retry.", StringComparison.Ordinal));

        Assert.Equal(($"root.activities[1].retry.{field}", "call"), (error.Field, error.ActivityId));
    }

    [Fact]
    public void Max_delay_shorter_than_the_initial_delay_is_refused()
    {
        var error = Assert.Single(ErrorsWith(new { maxAttempts = 3, initialDelay = "PT1M", maxDelay = "PT10S" }));

        Assert.Equal(("root.activities[1].retry.maxDelay", "call"), (error.Field, error.ActivityId));
        Assert.Contains("must not be shorter than initialDelay", error.Message);
    }

    [Theory]
    [InlineData("""{"initialDelay": "PT5S"}""", "root.activities[1].retry")]
    [InlineData("""{"maxAttempts": 0}""", "root.activities[1].retry.maxAttempts")]
    [InlineData("""{"maxAttempts": 3, "factor": 0.5}""", "root.activities[1].retry.factor")]
    [InlineData("""{"maxAttempts": 3, "backoff": "linear"}""", "root.activities[1].retry.backoff")]
    public void Policy_of_the_wrong_shape_is_refused_by_the_schema_naming_the_field(string retry, string field)
    {
        var errors = ErrorsWith(System.Text.Json.Nodes.JsonNode.Parse(retry)!);

        Assert.Contains(errors, e => e.Field == field && e.ActivityId == "call");
    }
}
