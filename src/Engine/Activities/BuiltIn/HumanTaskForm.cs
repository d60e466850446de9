using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Checks submitted task data against the task's form fields and outcomes.</summary>
internal static class HumanTaskForm
{
    /// <summary>The outcome of a completion that names none.</summary>
    public const string DefaultOutcome = "Done";

    public static Dictionary<string, string> Validate(IReadOnlyList<FormField> fields, IReadOnlyList<string> outcomes, JsonNode? payload)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var data = payload as JsonObject;
        if (payload is not null && data is null)
        {
            errors["payload"] = "must be a JSON object with the form's fields";
            return errors;
        }

        data ??= [];
        var outcome = data["outcome"] is JsonValue o && o.TryGetValue<string>(out var s) ? s : null;
        // A task whose outcomes include "Done" may be completed without naming one, as a task without outcomes
        // (HumanTask resumes through "Done" then): adding an outcome such as "Report delay" keeps plain completions valid.
        if (outcomes.Count > 0 && !(outcome is null && outcomes.Contains(DefaultOutcome, StringComparer.Ordinal)))
        {
            if (outcome is null || !outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                errors["outcome"] = $"must be one of: {string.Join(", ", outcomes)}";
            }
        }

        foreach (var field in fields)
        {
            var value = data[field.Name];
            var requiredForOutcome = outcome is not null && field.RequiredFor?.Contains(outcome, StringComparer.Ordinal) == true;
            if (value is null)
            {
                if (field.Required || requiredForOutcome)
                {
                    errors[field.Name] = requiredForOutcome ? $"is required to {outcome}" : "is required";
                }

                continue;
            }

            // For the outcome that needs it, blank text is no answer (a decline's reason of "  " says nothing).
            if (requiredForOutcome && value is JsonValue text && text.TryGetValue<string>(out var written) && string.IsNullOrWhiteSpace(written))
            {
                errors[field.Name] = $"is required to {outcome}";
                continue;
            }

            if (CheckType(field, value) is { } problem)
            {
                errors[field.Name] = problem;
            }
        }

        foreach (var (key, _) in data)
        {
            if (key != "outcome" && !fields.Any(f => f.Name == key))
            {
                errors[key] = "is not a field of this task's form";
            }
        }

        return errors;
    }

    private static string? CheckType(FormField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        switch (field.Type)
        {
            case "number":
                return kind == JsonValueKind.Number ? null : "must be a number";
            case "integer":
                return kind == JsonValueKind.Number && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : "must be a whole number";
            case "boolean":
                return kind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false";
            case "date":
                return kind == JsonValueKind.String && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : "must be a date written yyyy-MM-dd";
            default:
                if (kind != JsonValueKind.String)
                {
                    return "must be a string";
                }

                var text = value.GetValue<string>();
                if (text.Length > field.MaxLength)
                {
                    return $"must be at most {field.MaxLength} characters";
                }

                return field.Options is { Count: > 0 } options && !options.Contains(text, StringComparer.Ordinal)
                    ? $"must be one of: {string.Join(", ", options)}"
                    : null;
        }
    }
}
