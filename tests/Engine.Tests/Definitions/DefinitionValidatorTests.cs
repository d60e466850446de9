using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Definitions;

/// <summary>Every kind of error the validator reports, each with the field path and the activity it concerns.</summary>
public sealed class DefinitionValidatorTests
{
    private readonly TestEngine _engine = new();

    /// <summary>A valid flow to break in one place: start → wait → log.</summary>
    private static Flow Valid() => new Flow()
        .Variable("count", 0)
        .Add("start", "Start")
        .Add("wait", "WaitForEvent", new { eventName = "Go" })
        .Add("log", "Log", new { message = "done" })
        .Chain("start", "wait", "log");

    private IReadOnlyList<ValidationError> Errors(JsonNode? json)
    {
        var validation = _engine.Validate(json);
        Assert.False(validation.IsValid, "expected the definition to be invalid");
        return validation.Errors;
    }

    private IReadOnlyList<ValidationError> Errors(Flow flow) => Errors(flow.ToJson());

    /// <summary>Asserts exactly one error and returns it.</summary>
    private static ValidationError Single(IReadOnlyList<ValidationError> errors) => Assert.Single(errors);

    private static void AssertError(ValidationError error, string field, string? activityId, string messagePart)
    {
        Assert.Equal(field, error.Field);
        Assert.Equal(activityId, error.ActivityId);
        Assert.Contains(messagePart, error.Message);
    }

    /// <summary>A flow with one extra activity after start (connected), to test that activity's inputs.</summary>
    private IReadOnlyList<ValidationError> ErrorsOfActivity(string type, object inputs)
    {
        var flow = new Flow()
            .Variable("count", 0)
            .Add("start", "Start")
            .Add("node", type, inputs)
            .Chain("start", "node");
        return Errors(flow);
    }

    [Fact]
    public void Valid_definition_has_no_errors()
    {
        var validation = _engine.Validate(Valid().ToJson());

        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        Assert.Equal("test-flow", validation.Definition!.DefinitionId);
    }

    [Theory]
    [InlineData("sample-approval")]
    [InlineData("sample-payment-timeout")]
    public void Sample_workflow_files_validate_without_errors(string definitionId)
    {
        var json = TestEngine.LoadWorkflowFile(definitionId, 1);

        var validation = _engine.Validate(json);

        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        Assert.Equal(definitionId, validation.Definition!.DefinitionId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"workflow\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Definition_that_is_not_an_object_is_refused(string json)
    {
        var error = Single(Errors(JsonNode.Parse(json)));

        AssertError(error, "$", null, "must be a JSON object");
    }

    [Fact]
    public void Schema_violation_missing_name_is_reported_at_the_root()
    {
        var json = Valid().ToJson();
        json.Remove("name");

        var errors = Errors(json);

        Assert.Null(_engine.Validate(json).Definition);
        Assert.Contains(errors, e => e.Field == "$" && e.ActivityId is null && e.Message.Contains("name"));
    }

    [Fact]
    public void Schema_violation_bad_definitionId_pattern_names_the_field()
    {
        var json = Valid().ToJson();
        json["definitionId"] = "Bad Id!";

        var errors = Errors(json);

        Assert.Contains(errors, e => e.Field == "definitionId" && e.ActivityId is null);
    }

    [Fact]
    public void Schema_violation_additional_property_names_the_property()
    {
        var json = Valid().ToJson();
        json["colour"] = "red";

        var errors = Errors(json);

        Assert.Contains(errors, e => e.Field == "colour" && e.ActivityId is null);
    }

    [Fact]
    public void Schema_violation_inside_an_activity_names_the_activity()
    {
        var json = Valid().ToJson();
        json["root"]!["activities"]![1]!["colour"] = "red";

        var errors = Errors(json);

        Assert.Contains(errors, e => e.Field == "root.activities[1].colour" && e.ActivityId == "wait");
    }

    [Fact]
    public void Schema_violation_bad_activity_id_pattern_names_the_activity_field()
    {
        var json = Valid().ToJson();
        json["root"]!["activities"]![2]!["id"] = "has space";

        var errors = Errors(json);

        Assert.Contains(errors, e => e.Field == "root.activities[2].id" && e.ActivityId == "has space");
    }

    [Fact]
    public void Duplicate_activity_ids_are_reported_on_the_second()
    {
        var errors = Errors(Valid().Add("log", "Log", new { message = "again" }));

        AssertError(Assert.Single(errors, e => e.Message.Contains("duplicate")), "root.activities[3].id", "log", "duplicate activity id 'log'");
    }

    [Fact]
    public void Duplicate_variable_names_are_reported_on_the_second()
    {
        var error = Single(Errors(Valid().Variable("count", 1)));

        AssertError(error, "variables[1].name", null, "duplicate variable 'count'");
    }

    [Fact]
    public void Definition_without_Start_is_refused()
    {
        var flow = new Flow()
            .Add("log", "Log", new { message = "orphan" });

        var error = Single(Errors(flow));

        AssertError(error, "root.activities", null, "add one Start activity");
    }

    [Fact]
    public void Definition_with_two_Starts_is_refused_at_the_second()
    {
        var error = Single(Errors(Valid().Add("start-2", "Start").Chain("start-2", "log")));

        AssertError(error, "root.activities[3].type", "start-2", "exactly one Start");
    }

    [Fact]
    public void Unknown_activity_type_is_named()
    {
        var error = Single(Errors(Valid().Add("pay", "ChargeCard", new { amount = 5 }).Chain("log", "pay")));

        AssertError(error, "root.activities[3].type", "pay", "unknown activity type 'ChargeCard'");
    }

    [Fact]
    public void Connection_from_an_unknown_activity_is_refused()
    {
        var error = Single(Errors(Valid().Connect("ghost", "log")));

        AssertError(error, "root.connections[2].source.activity", null, "connection starts at unknown activity 'ghost'");
    }

    [Fact]
    public void Connection_to_an_unknown_activity_is_refused()
    {
        var error = Single(Errors(Valid().Connect("log", "ghost")));

        AssertError(error, "root.connections[2].target.activity", null, "connection ends at unknown activity 'ghost'");
    }

    [Fact]
    public void Connection_from_an_unknown_port_lists_the_ports_there_are()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("decide", "Decision", new { condition = Js("true") })
            .Add("log", "Log", new { message = "x" })
            .Chain("start", "decide")
            .Connect("decide:Yes", "log");

        var error = Single(Errors(flow));

        AssertError(error, "root.connections[1].source.port", "decide", "activity has no port 'Yes'; its ports are True, False");
    }

    [Fact]
    public void Connection_from_an_activity_without_ports_says_so()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("end", "End")
            .Add("log", "Log", new { message = "x" })
            .Chain("start", "end", "log");

        var error = Single(Errors(flow));

        AssertError(error, "root.connections[1].source.port", "end", "it has no outgoing ports");
    }

    [Fact]
    public void Connection_from_HumanTask_Done_is_refused_when_its_outcomes_are_the_ports()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("task", "HumanTask", new { title = "Approve", role = "ops", outcomes = new[] { "Approve", "Reject" } })
            .Add("log", "Log", new { message = "x" })
            .Chain("start", "task", "log");

        var error = Single(Errors(flow));

        AssertError(error, "root.connections[1].source.port", "task", "activity has no port 'Done'; its ports are Approve, Reject");
    }

    [Fact]
    public void Connection_into_a_port_other_than_In_is_refused()
    {
        var json = Valid().ToJson();
        json["root"]!["connections"]![1]!["target"]!["port"] = "Side";

        var error = Single(Errors(json));

        AssertError(error, "root.connections[1].target.port", "log", "one input port 'In', not 'Side'");
    }

    [Fact]
    public void Connection_into_Start_is_refused()
    {
        var error = Single(Errors(Valid().Connect("log", "start")));

        AssertError(error, "root.connections[2].target.activity", "start", "nothing may connect into Start");
    }

    [Fact]
    public void Unreachable_activity_is_named()
    {
        var error = Single(Errors(Valid().Add("island", "Log", new { message = "alone" })));

        AssertError(error, "root.activities[3]", "island", "unreachable");
    }

    [Fact]
    public void Missing_required_input_is_named()
    {
        var error = Single(ErrorsOfActivity("WaitForEvent", new { correlationKey = "k" }));

        AssertError(error, "root.activities[1].inputs.eventName", "node", "required input 'eventName' of WaitForEvent is missing");
    }

    [Fact]
    public void Blank_required_input_counts_as_missing()
    {
        var error = Single(ErrorsOfActivity("Log", new { message = "  " }));

        AssertError(error, "root.activities[1].inputs.message", "node", "required input 'message' of Log is missing");
    }

    [Fact]
    public void Unknown_input_name_lists_the_inputs_there_are()
    {
        var error = Single(ErrorsOfActivity("Log", new { message = "hi", colour = "red" }));

        AssertError(error, "root.activities[1].inputs.colour", "node", "Log has no input 'colour'; its inputs are message, level");
    }

    [Fact]
    public void Literal_of_the_wrong_type_is_refused()
    {
        var error = Single(ErrorsOfActivity("HttpRequest", new { url = "http://example.test", timeoutSeconds = "abc" }));

        AssertError(error, "root.activities[1].inputs.timeoutSeconds", "node", "expected integer, got string");
    }

    [Fact]
    public void Literal_object_where_a_list_is_expected_is_refused()
    {
        var error = Single(ErrorsOfActivity("ForEach", new { items = new { a = 1 } }));

        AssertError(error, "root.activities[1].inputs.items", "node", "expected array, got object");
    }

    [Fact]
    public void Option_that_is_not_allowed_lists_the_allowed_ones()
    {
        var error = Single(ErrorsOfActivity("Join", new { mode = "Sometimes" }));

        AssertError(error, "root.activities[1].inputs.mode", "node", "must be one of: WaitAll, WaitAny");
    }

    [Fact]
    public void JavaScript_that_does_not_parse_is_refused()
    {
        var error = Single(ErrorsOfActivity("Decision", new { condition = Js("variables.count >") }));

        AssertError(error, "root.activities[1].inputs.condition", "node", "JavaScript does not parse");
    }

    [Fact]
    public void Decision_condition_written_as_text_is_refused_as_a_literal()
    {
        // "1 > 1000" as text is a non-empty string: truthy, so every instance would take True.
        var error = Single(ErrorsOfActivity("Decision", new { condition = "1 > 1000" }));

        AssertError(error, "root.activities[1].inputs.condition", "node", "takes an expression, not the text '1 > 1000'");
    }

    [Fact]
    public void Decision_condition_as_a_literal_boolean_is_refused_too()
    {
        var error = Single(ErrorsOfActivity("Decision", new { condition = true }));

        AssertError(error, "root.activities[1].inputs.condition", "node", "takes an expression, not a literal");
    }

    [Fact]
    public void Boolean_input_given_as_text_is_refused()
    {
        var errors = ErrorsOfActivity("Switch", new { cases = new[] { new { port = "Big", condition = "variables.count > 1" } }, matchAll = "true" });

        Assert.Contains(errors, e => e.Field == "root.activities[1].inputs.matchAll" && e.ActivityId == "node" && e.Message.Contains("expected boolean, got string"));
    }

    [Fact]
    public void Empty_JavaScript_is_refused()
    {
        var errors = ErrorsOfActivity("Decision", new { condition = Js(" ") });

        Assert.Contains(errors, e => e.Field == "root.activities[1].inputs.condition" && e.ActivityId == "node" && e.Message.Contains("empty"));
    }

    [Theory]
    [InlineData("Hello {{ for }}")]
    [InlineData("Hello {{ if x }} no end")]
    [InlineData("Hello {{ input.name")]
    [InlineData("{{ a }} and {{ b")]
    public void Template_that_does_not_parse_is_refused(string template)
    {
        var error = Single(ErrorsOfActivity("Log", new { message = Template(template) }));

        AssertError(error, "root.activities[1].inputs.message", "node", "template does not parse");
    }

    [Fact]
    public void Var_of_an_undeclared_variable_is_refused()
    {
        var error = Single(ErrorsOfActivity("Log", new { message = Var("missing.name") }));

        AssertError(error, "root.activities[1].inputs.message", "node", "variable 'missing.name' is not declared");
    }

    [Fact]
    public void Var_of_a_declared_variable_with_a_path_is_accepted()
    {
        var flow = Valid().Add("more", "Log", new { message = Var("count.anything") }).Chain("log", "more");

        Assert.True(_engine.Validate(flow.ToJson()).IsValid);
    }

    [Theory]
    [InlineData("$js")]
    [InlineData("$var")]
    [InlineData("$template")]
    public void Expression_object_with_a_value_that_is_not_a_string_is_refused(string marker)
    {
        var error = Single(ErrorsOfActivity("Log", new JsonObject { ["message"] = new JsonObject { [marker] = 5 } }));

        AssertError(error, "root.activities[1].inputs.message", "node", "an expression object needs a string");
    }

    [Fact]
    public void Expression_for_Switch_cases_is_refused_as_literal_only()
    {
        var errors = ErrorsOfActivity("Switch", new { cases = Js("[]") });

        Assert.Contains(errors, e => e.Field == "root.activities[1].inputs.cases" && e.ActivityId == "node" && e.Message.Contains("takes a literal value, not an expression"));
    }

    [Fact]
    public void Expression_for_Fork_branches_is_refused_as_literal_only()
    {
        var errors = ErrorsOfActivity("Fork", new { branches = Var("count") });

        Assert.Contains(errors, e => e.Field == "root.activities[1].inputs.branches" && e.ActivityId == "node" && e.Message.Contains("takes a literal value, not an expression"));
    }

    [Theory]
    [InlineData("ten minutes")]
    [InlineData("PT")]
    [InlineData("-00:10:00")]
    [InlineData("")]
    public void Delay_with_a_literal_that_is_not_a_duration_is_refused(string duration)
    {
        var errors = ErrorsOfActivity("Delay", new { duration });

        Assert.Contains(errors, e => e.Field == "root.activities[1].inputs.duration" && e.ActivityId == "node");
    }

    [Fact]
    public void Delay_with_a_bad_duration_says_how_to_write_one()
    {
        var error = Single(ErrorsOfActivity("Delay", new { duration = "ten minutes" }));

        AssertError(error, "root.activities[1].inputs.duration", "node", "not a duration: write an ISO 8601 duration");
    }

    [Fact]
    public void Delay_with_an_expression_is_checked_at_run_time_only()
    {
        var flow = Valid().Add("wait-more", "Delay", new { duration = Js("input.timeout || 'PT1H'") }).Chain("log", "wait-more");

        Assert.True(_engine.Validate(flow.ToJson()).IsValid);
    }

    [Theory]
    [InlineData("every monday")]
    [InlineData("61 * * * *")]
    [InlineData("* * *")]
    public void Timer_with_a_cron_that_does_not_parse_is_refused(string cron)
    {
        var error = Single(ErrorsOfActivity("Timer", new { cron }));

        AssertError(error, "root.activities[1].inputs.cron", "node", "not a cron expression");
    }

    [Fact]
    public void Switch_case_with_a_condition_that_does_not_parse_is_named()
    {
        var error = Single(ErrorsOfActivity("Switch", new { cases = new[] { new { port = "Ok", condition = "true" }, new { port = "Big", condition = "variables.count >>> >" } } }));

        AssertError(error, "root.activities[1].inputs.cases", "node", "case 2 ('Big'): condition does not parse");
    }

    [Fact]
    public void Switch_case_port_used_twice_or_named_Default_is_refused()
    {
        var errors = ErrorsOfActivity("Switch", new { cases = new[] { new { port = "A", condition = "true" }, new { port = "A", condition = "false" }, new { port = "Default", condition = "true" } } });

        Assert.Equal(2, errors.Count(e => e.Field == "root.activities[1].inputs.cases" && e.Message.Contains("is used twice")));
    }

    [Fact]
    public void Fork_branch_names_must_be_unique()
    {
        var error = Single(ErrorsOfActivity("Fork", new { branches = new[] { "A", "A" } }));

        AssertError(error, "root.activities[1].inputs.branches", "node", "branch names must be unique");
    }

    [Fact]
    public void HumanTask_form_field_of_unknown_type_is_refused()
    {
        var error = Single(ErrorsOfActivity("HumanTask", new { title = "t", role = "ops", form = new[] { new { name = "when", type = "datetime" } } }));

        AssertError(error, "root.activities[1].inputs.form", "node", "unknown type 'datetime'");
    }

    [Fact]
    public void HumanTask_form_field_requiredFor_an_outcome_the_task_does_not_have_is_refused()
    {
        var error = Single(ErrorsOfActivity("HumanTask", new { title = "t", role = "supplier", outcomes = new[] { "Accept", "Decline" }, form = new[] { new { name = "reason", type = "string", requiredFor = new[] { "Refuse" } } } }));

        AssertError(error, "root.activities[1].inputs.form", "node", "requiredFor 'Refuse', which is not one of the task's outcomes (Accept, Decline)");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var flow = new Flow()
            .Variable("v", 0)
            .Variable("v", 1)
            .Add("start", "Start")
            .Add("bad", "Nope")
            .Add("log", "Log", new { colour = "red" })
            .Chain("start", "log")
            .Connect("log", "ghost");

        var errors = Errors(flow);

        Assert.Equal(
            ["variables[1].name", "root.activities[1].type", "root.activities[2].inputs.colour", "root.activities[2].inputs.message", "root.connections[1].target.activity", "root.activities[1]"],
            errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("WaitAll", true)]
    [InlineData(null, true)]
    [InlineData("WaitAny", false)]
    public void WaitAll_join_after_the_two_ports_of_a_decision_is_refused_because_it_can_never_fire(string? mode, bool refused)
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("decide", "Decision", new { condition = Js("input.big") })
            .Add("big", "Log", new { message = "big" })
            .Add("small", "Log", new { message = "small" })
            .Add("join", "Join", mode is null ? new { } : new { mode })
            .Add("after", "Log", new { message = "after" })
            .Connect("start", "decide")
            .Connect("decide:True", "big")
            .Connect("decide:False", "small")
            .Chain("big", "join", "after")
            .Connect("small", "join");

        var validation = _engine.Validate(flow.ToJson());

        if (refused)
        {
            AssertError(Single(validation.Errors), "root.activities[4].inputs.mode", "join", "can never fire: its branches from port 'True' and port 'False' of 'decide' (Decision)");
        }
        else
        {
            Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        }
    }

    [Fact]
    public void WaitAll_join_after_a_fork_and_a_loop_back_into_a_branch_is_accepted()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "A", "B" } })
            .Add("a", "WaitForEvent", new { eventName = "A" })
            .Add("check", "Decision", new { condition = Js("true") })
            .Add("b", "WaitForEvent", new { eventName = "B" })
            .Add("join", "Join", new { mode = "WaitAll" })
            .Connect("start", "fork")
            .Connect("fork:A", "a")
            .Connect("a", "check")
            .Connect("check:False", "a")
            .Connect("check:True", "join")
            .Connect("fork:B", "b")
            .Connect("b", "join");

        var validation = _engine.Validate(flow.ToJson());

        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
    }
}
