using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Waits for a person in a given role to fill a small form. With <c>outcomes</c> the submission picks
/// the port to continue through (e.g. Approve / Reject); otherwise it continues through Done.
/// </summary>
[Activity("HumanTask", InProcess = true, Category = "Human", DisplayName = "Human task", Ports = [], Description = "Waits for a person with the given role to complete a form; outcomes become ports.", OutputType = "object")]
public sealed class HumanTask : IResumableActivity, IHasDynamicPorts, IValidatesInputs
{
    /// <summary>Bookmark name of every human task.</summary>
    public const string BookmarkName = "HumanTask";

    /// <summary>What the person is asked to do.</summary>
    [Input(Required = true, Description = "Title shown in the task list.")]
    public string Title { get; set; } = "";

    /// <summary>Longer instructions.</summary>
    [Input(Description = "Instructions for the person.", UiHint = "multiline")]
    public string? Description { get; set; }

    /// <summary>The role allowed to complete it.</summary>
    [Input(Required = true, Description = "Role allowed to complete it: ops, admin, buyer, supplier, factory, rule_author.")]
    public string Role { get; set; } = "";

    /// <summary>Optional party (user or company id) within the role.</summary>
    [Input(Description = "Only this user/party may complete it (e.g. the assigned supplier's id).")]
    public string? Assignee { get; set; }

    /// <summary>Form fields.</summary>
    [Input(LiteralOnly = true, Description = "Form fields: [{name, label, type: string|number|integer|boolean|date, required, requiredFor: [outcomes], options, maxLength}].", UiHint = "form")]
    public List<FormField> Form { get; set; } = [];

    /// <summary>Possible decisions; each becomes a port.</summary>
    [Input(LiteralOnly = true, Description = "Decisions such as [\"Approve\", \"Reject\"]; each becomes a port. Empty: one Done port.")]
    public List<string> Outcomes { get; set; } = [];

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var data = new JsonObject
        {
            ["title"] = Title,
            ["description"] = Description,
            ["role"] = Role,
            ["assignee"] = Assignee,
            ["form"] = JsonSerializer.SerializeToNode(Form, InputJson.Options),
            ["outcomes"] = JsonSerializer.SerializeToNode(Outcomes, InputJson.Options),
        };
        // No correlation key: a task is completed through its own token (and the task API), never by a published event.
        return ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(BookmarkName, Data: data)));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> ValidateResumeInput(JsonObject bookmarkData, JsonNode? input)
    {
        var fields = bookmarkData["form"].Deserialize<List<FormField>>(InputJson.Options) ?? [];
        var outcomes = bookmarkData["outcomes"].Deserialize<List<string>>(InputJson.Options) ?? [];
        return HumanTaskForm.Validate(fields, outcomes, input);
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        var outcome = resume.Payload?["outcome"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "Done";
        return ValueTask.FromResult(ActivityResult.Outcome(outcome, resume.Payload?.DeepClone()));
    }

    /// <inheritdoc />
    public IEnumerable<string> GetPorts(IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        var outcomes = ReadStrings(inputs, "outcomes");
        return outcomes.Count == 0 ? ["Done"] : outcomes;
    }

    /// <inheritdoc />
    public IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax)
    {
        if (inputs.TryGetValue("form", out var form) && form is not null)
        {
            List<FormField>? fields = null;
            string? error = null;
            try
            {
                fields = form.Deserialize<List<FormField>>(InputJson.Options);
            }
            catch (JsonException ex)
            {
                error = ex.Message;
            }

            if (error is not null || fields is null)
            {
                yield return ("form", $"must be a list of fields {{name, label, type, required}}: {error}");
            }
            else
            {
                foreach (var field in fields.Where(f => string.IsNullOrWhiteSpace(f.Name) || f.Name == "outcome"))
                {
                    yield return ("form", $"field '{field.Name}' needs a name other than 'outcome'");
                }

                foreach (var field in fields.Where(f => f.Type is not ("string" or "number" or "integer" or "boolean" or "date")))
                {
                    yield return ("form", $"field '{field.Name}' has unknown type '{field.Type}'; use string, number, integer, boolean or date");
                }

                // requiredFor names outcomes of this task (a literal list, like the ports they become).
                var outcomes = ReadStrings(inputs, "outcomes");
                foreach (var field in fields)
                {
                    foreach (var unknown in (field.RequiredFor ?? []).Where(o => !outcomes.Contains(o, StringComparer.Ordinal)))
                    {
                        yield return ("form", $"field '{field.Name}' is requiredFor '{unknown}', which is not one of the task's outcomes ({(outcomes.Count == 0 ? "none" : string.Join(", ", outcomes))})");
                    }
                }
            }
        }
    }

    private static List<string> ReadStrings(IReadOnlyDictionary<string, JsonNode?> inputs, string name) =>
        inputs.TryGetValue(name, out var node) && InputValue.Parse(node) is { Kind: InputKind.Literal, Literal: JsonArray array }
            ? [.. array.Select(b => b is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)]
            : [];
}
