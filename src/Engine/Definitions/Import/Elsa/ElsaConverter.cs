using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sleek.Workflows.Engine.Definitions.Import.Elsa;

/// <summary>
/// Converts an Elsa 3 flowchart export (root <c>Elsa.Flowchart</c>, activities with <c>nodeId</c>, connections
/// between ports, variables, typed expressions) to our definition JSON. Pure: it reads nothing and stores nothing.
/// The one converter: the import endpoint, the <c>workflows/</c> folder sync and the designer (through the API) use it.
/// </summary>
public static partial class ElsaConverter
{
    /// <summary>Converts <paramref name="export"/>; <paramref name="definitionId"/> and <paramref name="version"/> override the export's own (a file's path names them).</summary>
    public static ElsaConversion Convert(JsonObject export, string? definitionId = null, int? version = null)
    {
        var errors = new List<ValidationError>();
        var warnings = new List<string>();
        var root = export["root"] as JsonObject ?? new JsonObject();
        if (ElsaExport.Text(root["type"]) is { } rootType && rootType != "Elsa.Flowchart")
        {
            errors.Add(new("root.type", null, $"the root activity is '{rootType}'; only an Elsa.Flowchart root can be imported"));
        }

        var variableNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var variables = ConvertVariables(export, root, variableNames);
        var expressions = new ElsaExpressions(variableNames, errors, warnings);
        var activities = new JsonArray();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var ports = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var rawActivities = (root["activities"] as JsonArray ?? []).ToList();
        for (var i = 0; i < rawActivities.Count; i++)
        {
            if (rawActivities[i] is not JsonObject raw)
            {
                continue;
            }

            var elsaType = ElsaExport.Text(raw["type"]) ?? "";
            var elsaId = ElsaExport.Text(raw["id"]) ?? $"activity{i + 1}";
            if (!ElsaActivityMap.Mappings.TryGetValue(elsaType, out var mapping))
            {
                errors.Add(new($"root.activities[{i}].type", elsaId, $"Elsa type '{elsaType}' has no equivalent here"));
                continue;
            }

            var id = SafeId().Replace(elsaId, "-") is { Length: > 0 and <= 100 } safe ? safe : $"activity{i + 1}";
            ids[elsaId] = id;
            if (mapping.Ports is not null)
            {
                ports[id] = mapping.Ports;
            }

            var activity = new ElsaActivity(raw, mapping, id, $"root.activities[{i}]", expressions, warnings).Convert();
            if (ElsaExport.Text(raw["name"]) is { Length: > 0 } name && name != elsaId)
            {
                activity["name"] = name.Length > 200 ? name[..200] : name;
            }

            if (ElsaExport.At(raw, "metadata", "designer", "position") is JsonObject position
                && position["x"] is JsonValue x && x.TryGetValue<double>(out var px)
                && position["y"] is JsonValue y && y.TryGetValue<double>(out var py))
            {
                activity["position"] = new JsonObject { ["x"] = px, ["y"] = py };
            }

            activities.Add(activity);
        }

        var connections = ConvertConnections(root, ids, ports);
        if (errors.Count > 0)
        {
            return new ElsaConversion(null, errors, warnings);
        }

        AddStartIfMissing(activities, connections, warnings);
        var definition = new JsonObject
        {
            ["definitionId"] = definitionId ?? DefinitionIdOf(export),
            ["version"] = version ?? (export["version"] is JsonValue v && v.TryGetValue<int>(out var n) && n > 0 ? n : 1),
            ["name"] = ElsaExport.Text(export["name"]) is { Length: > 0 } exportName ? (exportName.Length > 200 ? exportName[..200] : exportName) : "Imported from Elsa",
            ["variables"] = variables,
            ["inputs"] = ConvertInputs(export),
            ["root"] = new JsonObject { ["activities"] = activities, ["connections"] = connections },
        };
        if (ElsaExport.Text(export["description"]) is { Length: > 0 } description)
        {
            definition["description"] = description.Length > 4000 ? description[..4000] : description;
        }

        return new ElsaConversion(definition, errors, warnings);
    }

    /// <summary>Elsa definition ids become ours (lower-case letters, digits, dashes); a child workflow reference is read the same way, so parent and child stay linked.</summary>
    public static string DefinitionIdOf(string raw)
    {
        var id = NotIdChars().Replace(raw.ToLowerInvariant(), "-").Trim('-');
        return id.Length == 0 ? "imported-workflow" : id.Length > 100 ? id[..100].TrimEnd('-') : id;
    }

    private static string DefinitionIdOf(JsonObject export) =>
        DefinitionIdOf(ElsaExport.Text(export["definitionId"]) ?? ElsaExport.Text(export["name"]) ?? "imported-workflow");

    private static JsonArray ConvertVariables(JsonObject export, JsonObject root, Dictionary<string, string> names)
    {
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in (export["variables"] as JsonArray ?? []).Concat(root["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ElsaExport.Text(v["name"]) is not { } name || !seen.Add(name))
            {
                continue;
            }

            if (ElsaExport.Text(v["id"]) is { } vid)
            {
                names[vid] = name;
            }

            var typeName = ElsaExport.Text(v["typeName"]);
            var variable = new JsonObject { ["name"] = name, ["type"] = ValueType(typeName) };
            if (v["value"] is { } value)
            {
                variable["default"] = ElsaExpressions.Literal(value, typeName);
            }

            result.Add(variable);
        }

        return result;
    }

    private static JsonArray ConvertInputs(JsonObject export)
    {
        var result = new JsonArray();
        foreach (var input in (export["inputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ElsaExport.Text(input["name"]) is not { } name)
            {
                continue;
            }

            var converted = new JsonObject { ["name"] = name, ["type"] = ValueType(ElsaExport.Text(input["type"]) ?? ElsaExport.Text(input["typeName"])) };
            if (ElsaExport.Text(input["description"]) is { Length: > 0 } description)
            {
                converted["description"] = description;
            }

            result.Add(converted);
        }

        return result;
    }

    private static JsonArray ConvertConnections(JsonObject root, Dictionary<string, string> ids, Dictionary<string, IReadOnlyDictionary<string, string>> ports)
    {
        var result = new JsonArray();
        var seen = new HashSet<(string, string, string)>();
        foreach (var raw in (root["connections"] as JsonArray ?? []).OfType<JsonObject>())
        {
            // Elsa 3.1+: {source: {activity, port}, target: {activity, port}}; 3.0: {source, sourcePort, target, targetPort}.
            var sourceId = raw["source"] is JsonObject s ? ElsaExport.Text(s["activity"]) : ElsaExport.Text(raw["source"]);
            var sourcePort = (raw["source"] is JsonObject sp ? ElsaExport.Text(sp["port"]) : ElsaExport.Text(raw["sourcePort"])) ?? "Done";
            var targetId = raw["target"] is JsonObject t ? ElsaExport.Text(t["activity"]) : ElsaExport.Text(raw["target"]);
            if (sourceId is null || targetId is null || !ids.TryGetValue(sourceId, out var source) || !ids.TryGetValue(targetId, out var target))
            {
                continue; // an end that could not be converted is already an error
            }

            var port = ports.TryGetValue(source, out var map) && map.TryGetValue(sourcePort, out var ours) ? ours
                : int.TryParse(sourcePort, out var status) ? (status is >= 200 and < 300 ? "Success" : "Failure") // FlowSendHttpRequest's status outcomes
                : sourcePort;
            if (seen.Add((source, port, target)))
            {
                result.Add(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
                    ["target"] = new JsonObject { ["activity"] = target },
                });
            }
        }

        return result;
    }

    /// <summary>Elsa starts a flowchart at its Start activity, else at the activities nothing connects into; ours needs one Start.</summary>
    private static void AddStartIfMissing(JsonArray activities, JsonArray connections, List<string> warnings)
    {
        var all = activities.OfType<JsonObject>().ToList();
        if (all.Count == 0 || all.Any(a => ElsaExport.Text(a["type"]) == "Start"))
        {
            return;
        }

        var targets = connections.Select(c => ElsaExport.Text(ElsaExport.At(c, "target", "activity"))).ToHashSet(StringComparer.Ordinal);
        var entries = all.Select(a => ElsaExport.Text(a["id"])!).Where(id => !targets.Contains(id)).ToList();
        var startId = "start";
        for (var n = 2; all.Any(a => ElsaExport.Text(a["id"]) == startId); n++)
        {
            startId = $"start{n}";
        }

        activities.Insert(0, new JsonObject { ["id"] = startId, ["type"] = "Start" });
        foreach (var entry in entries)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = startId, ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = entry },
            });
        }

        warnings.Add($"a Start activity '{startId}' was added before {string.Join(", ", entries.Select(e => $"'{e}'"))} (Elsa starts where nothing connects in)");
    }

    internal static string ValueType(string? typeName)
    {
        var t = (typeName ?? "").ToLowerInvariant();
        t = t.StartsWith("system.", StringComparison.Ordinal) ? t["system.".Length..] : t;
        return t switch
        {
            "string" or "char" or "guid" or "datetime" or "datetimeoffset" or "timespan" => "string",
            "int32" or "int64" or "int16" or "double" or "single" or "decimal" or "number" or "float" => "number",
            "boolean" or "bool" => "boolean",
            _ when t.EndsWith("[]", StringComparison.Ordinal) || t.Contains("list", StringComparison.Ordinal) || t == "array" => "array",
            "object" or "expandoobject" or "jsonobject" => "object",
            _ when t.Contains("dictionary", StringComparison.Ordinal) => "object",
            _ => "any",
        };
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex SafeId();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotIdChars();
}
