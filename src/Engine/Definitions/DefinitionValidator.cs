using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>
/// Checks a definition before it may be published: first its shape against the JSON Schema, then its
/// meaning (activity types, connections, reachability, required inputs, expressions). Every error
/// names the field and, where there is one, the activity.
/// </summary>
public sealed class DefinitionValidator(ActivityRegistry registry, ExpressionSyntax syntax)
{
    private static readonly JsonSchema Schema = LoadSchema();

    /// <summary>Validates raw JSON (an upload, a file, a draft).</summary>
    public DefinitionValidation Validate(JsonNode? json)
    {
        if (json is not JsonObject)
        {
            return new(null, [new ValidationError("$", null, "a workflow definition must be a JSON object")]);
        }

        using var document = JsonDocument.Parse(json.ToJsonString());
        var evaluation = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
        {
            var schemaErrors = (evaluation.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => new ValidationError(ToPath(d.InstanceLocation.ToString()), ActivityAt(json, d.InstanceLocation.ToString()), e.Value)))
                .Distinct()
                .ToList();
            return new(null, schemaErrors.Count > 0 ? schemaErrors : [new ValidationError("$", null, "does not match the definition schema")]);
        }

        WorkflowDefinition? definition;
        try
        {
            definition = json.Deserialize<WorkflowDefinition>(DefinitionJson.Options);
        }
        catch (JsonException ex)
        {
            return new(null, [new ValidationError(ex.Path ?? "$", null, ex.Message)]);
        }

        return definition is null
            ? new(null, [new ValidationError("$", null, "empty definition")])
            : new(definition, ValidateSemantics(definition));
    }

    /// <summary>Semantic checks of an already parsed definition.</summary>
    public IReadOnlyList<ValidationError> ValidateSemantics(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        var activities = definition.Root.Activities;
        var declaredVariables = definition.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);

        AddDuplicates(errors, definition.Variables.Select(v => v.Name), i => $"variables[{i}].name", "variable");
        AddDuplicates(errors, definition.Inputs.Select(v => v.Name), i => $"inputs[{i}].name", "input");
        AddDuplicates(errors, activities.Select(a => a.Id), i => $"root.activities[{i}].id", "activity id");

        var ids = activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var starts = activities.Select((a, i) => (a, i)).Where(x => x.a.Type == "Start").ToList();
        if (starts.Count == 0)
        {
            errors.Add(new("root.activities", null, "add one Start activity: it is where instances begin"));
        }

        foreach (var (extra, i) in starts.Skip(1))
        {
            errors.Add(new($"root.activities[{i}].type", extra.Id, "a definition has exactly one Start activity"));
        }

        var ports = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
        {
            var node = activities[i];
            var path = $"root.activities[{i}]";
            foreach (var (field, message) in node.Retry?.Problems() ?? [])
            {
                errors.Add(new($"{path}.retry.{field}", node.Id, message));
            }

            var descriptor = registry.Find(node.Type);
            if (descriptor is null)
            {
                errors.Add(new($"{path}.type", node.Id, $"unknown activity type '{node.Type}'; GET /api/activities lists the types this host knows"));
                continue;
            }

            ports[node.Id] = descriptor.PortsFor(node.Inputs);
            ValidateInputs(errors, node, descriptor, path, declaredVariables);
        }

        for (var i = 0; i < definition.Root.Connections.Count; i++)
        {
            var connection = definition.Root.Connections[i];
            var path = $"root.connections[{i}]";
            if (!ids.Contains(connection.Source.Activity))
            {
                errors.Add(new($"{path}.source.activity", null, $"connection starts at unknown activity '{connection.Source.Activity}'"));
            }
            else if (ports.TryGetValue(connection.Source.Activity, out var sourcePorts) && !sourcePorts.Contains(connection.Source.Port ?? "Done"))
            {
                var available = sourcePorts.Count == 0 ? "it has no outgoing ports" : $"its ports are {string.Join(", ", sourcePorts)}";
                errors.Add(new($"{path}.source.port", connection.Source.Activity, $"activity has no port '{connection.Source.Port ?? "Done"}'; {available}"));
            }

            if (!ids.Contains(connection.Target.Activity))
            {
                errors.Add(new($"{path}.target.activity", null, $"connection ends at unknown activity '{connection.Target.Activity}'"));
            }
            else if (connection.Target.Port is { } targetPort && targetPort != "In")
            {
                errors.Add(new($"{path}.target.port", connection.Target.Activity, $"activities have one input port 'In', not '{targetPort}'"));
            }
            else if (activities.FirstOrDefault(a => a.Id == connection.Target.Activity)?.Type == "Start")
            {
                errors.Add(new($"{path}.target.activity", connection.Target.Activity, "nothing may connect into Start"));
            }
        }

        if (starts.Count == 1)
        {
            var reached = Reachable(definition, starts[0].a.Id);
            for (var i = 0; i < activities.Count; i++)
            {
                if (!reached.Contains(activities[i].Id))
                {
                    errors.Add(new($"root.activities[{i}]", activities[i].Id, "unreachable: no path leads here from Start; connect it or remove it"));
                }
            }
        }

        errors.AddRange(ExclusiveJoinCheck.Check(definition));

        return errors;
    }

    private void ValidateInputs(List<ValidationError> errors, ActivityNode node, ActivityDescriptor descriptor, string path, HashSet<string> declaredVariables)
    {
        foreach (var (name, raw) in node.Inputs)
        {
            var inputPath = $"{path}.inputs.{name}";
            var input = descriptor.Inputs.FirstOrDefault(d => d.Name == name);
            if (input is null)
            {
                var known = descriptor.Inputs.Count == 0 ? "it takes no inputs" : $"its inputs are {string.Join(", ", descriptor.Inputs.Select(d => d.Name))}";
                errors.Add(new(inputPath, node.Id, $"{node.Type} has no input '{name}'; {known}"));
                continue;
            }

            var value = InputValue.Parse(raw);
            if (value is null)
            {
                errors.Add(new(inputPath, node.Id, "an expression object needs a string: {\"$js\": \"...\"}, {\"$var\": \"name\"} or {\"$template\": \"...\"}"));
                continue;
            }

            if (input.LiteralOnly && value.Kind != InputKind.Literal)
            {
                errors.Add(new(inputPath, node.Id, "this input takes a literal value, not an expression"));
                continue;
            }

            if (input.ExpressionOnly && value.Kind == InputKind.Literal && value.Literal is not null)
            {
                var written = value.Literal is JsonValue text && text.TryGetValue<string>(out var literalText) ? $"the text '{literalText}'" : "a literal";
                errors.Add(new(inputPath, node.Id, $"takes an expression, not {written}: a literal gives the same answer every time; write it as {{\"$js\": \"...\"}} (in the designer: JavaScript)"));
                continue;
            }

            if (input.NamesVariable && value.Literal is JsonValue named && named.TryGetValue<string>(out var variableName) && !declaredVariables.Contains(variableName))
            {
                errors.Add(new(inputPath, node.Id, $"variable '{variableName}' is not declared in the definition's variables"));
                continue;
            }

            var problem = value.Kind switch
            {
                InputKind.JavaScript => syntax.CheckJavaScript(value.Expression!) is { } js ? $"JavaScript does not parse: {js}" : null,
                InputKind.Template => ExpressionSyntax.CheckTemplate(value.Expression!) is { } t ? $"template does not parse: {t}" : null,
                InputKind.Variable => declaredVariables.Contains(value.Expression!.Split('.')[0]) ? null : $"variable '{value.Expression}' is not declared in the definition's variables",
                _ => CheckLiteral(descriptor, input, value.Literal),
            };
            if (problem is not null)
            {
                errors.Add(new(inputPath, node.Id, problem));
            }
        }

        foreach (var input in descriptor.Inputs.Where(i => i.Required))
        {
            if (!node.Inputs.TryGetValue(input.Name, out var raw) || raw is null || (raw is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
            {
                errors.Add(new($"{path}.inputs.{input.Name}", node.Id, $"required input '{input.Name}' of {node.Type} is missing"));
            }
        }

        if (descriptor.Create() is IValidatesInputs custom)
        {
            foreach (var (name, message) in custom.Validate(node.Inputs, syntax))
            {
                errors.Add(new($"{path}.inputs.{name}", node.Id, message));
            }
        }
    }

    private static string? CheckLiteral(ActivityDescriptor descriptor, InputDescriptor input, JsonNode? literal)
    {
        if (literal is null)
        {
            return null;
        }

        if (input.Options is { Count: > 0 } options && (literal is not JsonValue v || !v.TryGetValue<string>(out var text) || !options.Contains(text)))
        {
            return $"must be one of: {string.Join(", ", options)}";
        }

        var property = descriptor.InputProperties[descriptor.Inputs.ToList().IndexOf(input)];
        if (property.PropertyType == typeof(string) || property.PropertyType == typeof(JsonNode))
        {
            return null;
        }

        try
        {
            literal.Deserialize(property.PropertyType, InputJson.Options);
            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return $"expected {input.Type}, got {literal.GetValueKind().ToString().ToLowerInvariant()}";
        }
    }

    private static HashSet<string> Reachable(WorkflowDefinition definition, string startId)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { startId };
        var outgoing = definition.Root.Connections.ToLookup(c => c.Source.Activity, c => c.Target.Activity, StringComparer.Ordinal);
        var stack = new Stack<string>([startId]);
        while (stack.Count > 0)
        {
            foreach (var next in outgoing[stack.Pop()])
            {
                if (reached.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return reached;
    }

    private static void AddDuplicates(List<ValidationError> errors, IEnumerable<string> names, Func<int, string> pathOf, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                errors.Add(new(pathOf(i), what == "activity id" ? name : null, $"duplicate {what} '{name}'"));
            }

            i++;
        }
    }

    /// <summary>Turns a JSON pointer (<c>/root/activities/2/id</c>) into a readable path (<c>root.activities[2].id</c>).</summary>
    private static string ToPath(string pointer)
    {
        if (pointer is "" or "#")
        {
            return "$";
        }

        var parts = pointer.TrimStart('#').Trim('/').Split('/');
        var path = "";
        foreach (var part in parts)
        {
            var segment = part.Replace("~1", "/").Replace("~0", "~");
            path += int.TryParse(segment, out _) ? $"[{segment}]" : (path.Length == 0 ? segment : "." + segment);
        }

        return path;
    }

    private static string? ActivityAt(JsonNode json, string pointer)
    {
        var parts = pointer.TrimStart('#').Trim('/').Split('/');
        if (parts.Length >= 3 && parts[0] == "root" && parts[1] == "activities" && int.TryParse(parts[2], out var index))
        {
            return json["root"]?["activities"] is JsonArray a && index < a.Count && a[index]?["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
        }

        return null;
    }

    private static JsonSchema LoadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("workflow-definition.schema.json")
            ?? throw new InvalidOperationException("embedded workflow-definition.schema.json is missing");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
