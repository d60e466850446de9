using System.Net;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Definitions.Import.Elsa;

/// <summary>One Elsa activity converted to ours: its inputs renamed and, where the two differ in form, reshaped.</summary>
internal sealed class ElsaActivity(JsonObject raw, ElsaMapping mapping, string id, string path, ElsaExpressions expressions, List<string> warnings)
{
    private readonly JsonObject _inputs = [];

    public JsonObject Convert()
    {
        foreach (var (key, value) in raw)
        {
            if (ElsaActivityMap.Structural.Contains(key))
            {
                continue;
            }

            if (!mapping.Inputs.TryGetValue(key, out var target))
            {
                if (ElsaExport.At(value, "expression", "value") is { } held && ElsaExport.Text(held) != "")
                {
                    warnings.Add($"activity '{id}': input '{key}' has no equivalent on {mapping.Type} and was left out");
                }

                continue;
            }

            if (key == "variable" && value is JsonObject reference && reference["expression"] is null)
            {
                // SetVariable names its variable by reference ({id, name}), not by expression.
                if (ElsaExport.Text(reference["name"]) is { } variableName)
                {
                    _inputs[target] = variableName;
                }

                continue;
            }

            if (expressions.TryConvert(value, $"{path}.{key}", id, out var converted))
            {
                _inputs[target] = converted;
            }
        }

        var type = Shape();
        var activity = new JsonObject { ["id"] = id, ["type"] = type };
        if (_inputs.Count > 0)
        {
            activity["inputs"] = _inputs;
        }

        return activity;
    }

    /// <summary>Reshapes the inputs whose form differs; returns our type (a DispatchWorkflow that waits is an ExecuteWorkflow).</summary>
    private string Shape()
    {
        switch (mapping.Type)
        {
            case "Switch":
                var cases = new JsonArray();
                foreach (var c in (raw["cases"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var condition = c["condition"] is JsonObject e ? ElsaExport.Text(e["value"]) : ElsaExport.Text(c["condition"]);
                    cases.Add(new JsonObject { ["port"] = ElsaExport.Text(c["label"]) ?? "", ["condition"] = condition ?? "false" });
                }

                _inputs["cases"] = cases;
                if (_inputs["matchAll"] is { } mode)
                {
                    _inputs["matchAll"] = (ElsaExport.Text(mode) ?? "").Contains("matchany", StringComparison.OrdinalIgnoreCase);
                }

                break;
            case "Fork" when ElsaExport.Text(_inputs["branches"]) is { } branches:
                _inputs["branches"] = new JsonArray([.. branches.Split(',').Select(b => b.Trim()).Where(b => b.Length > 0).Select(b => (JsonNode)b)]);
                break;
            case "Join" when ElsaExport.Text(_inputs["mode"]) is { } joinMode:
                _inputs["mode"] = joinMode.Contains("any", StringComparison.OrdinalIgnoreCase) ? "WaitAny" : "WaitAll";
                break;
            case "HttpEndpoint":
                ShapeHttpEndpoint();
                break;
            case "WriteHttpResponse":
                ShapeHttpResponse();
                break;
            case "ExecuteWorkflow" or "DispatchWorkflow":
                if (ElsaExport.Text(_inputs["workflowId"]) is { } child)
                {
                    _inputs["workflowId"] = ElsaConverter.DefinitionIdOf(child);
                }

                if (mapping.Type == "DispatchWorkflow" && IsTrue(raw["waitForCompletion"]))
                {
                    return "ExecuteWorkflow";
                }

                break;
        }

        return mapping.Type;
    }

    private void ShapeHttpEndpoint()
    {
        // Elsa serves /workflows/<path>; here it is /api/hooks/<path>, lower-case segments.
        if (ElsaExport.Text(_inputs["path"]) is { } route)
        {
            var ours = route.Trim().Trim('/').ToLowerInvariant();
            if (ours != route)
            {
                warnings.Add($"activity '{id}': the route '{route}' is served as /api/hooks/{ours}");
            }

            _inputs["path"] = ours;
        }

        if (_inputs["methods"] is JsonArray methods)
        {
            _inputs["methods"] = new JsonArray([.. methods.Select(m => (JsonNode?)(ElsaExport.Text(m)?.ToUpperInvariant() ?? ""))]);
        }

        var policy = ElsaExport.Text(ElsaExport.At(raw, "policy", "expression", "value"));
        if (IsTrue(raw["authorize"]) && policy is { Length: > 0 })
        {
            _inputs["auth"] = "role";
            _inputs["role"] = policy;
            warnings.Add($"activity '{id}': Elsa's policy '{policy}' is read as the role a signed-in caller needs");
        }
        else
        {
            // Never open a route by conversion: public must be written out by a person.
            warnings.Add($"activity '{id}': callers need an API key with scope hooks:call; set auth to public or role if Elsa served it otherwise");
        }
    }

    private void ShapeHttpResponse()
    {
        if (ElsaExport.Text(_inputs["status"]) is { } status)
        {
            // Elsa writes HttpStatusCode names ("OK", "Created") or numbers as text.
            _inputs["status"] = int.TryParse(status, out var code) ? code
                : Enum.TryParse<HttpStatusCode>(status, ignoreCase: true, out var named) ? (int)named
                : 200;
        }

        var contentType = ElsaExport.Text(ElsaExport.At(raw, "contentType", "expression", "value"));
        if (contentType is { Length: > 0 } && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"activity '{id}': the response is sent as application/json, not {contentType}");
        }
    }

    private static bool IsTrue(JsonNode? input)
    {
        var value = input is JsonObject ? ElsaExport.At(input, "expression", "value") : input;
        return value is JsonValue v && ((v.TryGetValue<bool>(out var b) && b) || (v.TryGetValue<string>(out var s) && string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)));
    }
}
