using System.Text.Json.Nodes;

namespace Sleek.Workflows.Bench;

/// <summary>The flows the benchmark runs, built as definition JSON.</summary>
internal static class BenchDefinitions
{
    /// <summary>Start → <paramref name="steps"/> SetVariable activities in a row → End (every input a literal, or a JavaScript expression).</summary>
    public static JsonObject Chain(string id, int steps, bool javaScript)
    {
        var activities = new JsonArray { Node("start", "Start") };
        var connections = new JsonArray();
        var previous = "start";
        for (var i = 0; i < steps; i++)
        {
            var value = javaScript ? (JsonNode)new JsonObject { ["$js"] = "variables.counter + 1" } : JsonValue.Create(i)!;
            var step = $"step{i}";
            activities.Add(Node(step, "SetVariable", new JsonObject { ["variable"] = "counter", ["value"] = value }));
            connections.Add(Connect(previous, step));
            previous = step;
        }

        activities.Add(Node("end", "End"));
        connections.Add(Connect(previous, "end"));
        return Definition(id, activities, connections);
    }

    /// <summary>Start → WaitForEvent("Go") → SetVariable → End: one start burst and one resume burst per instance.</summary>
    public static JsonObject WaitThenFinish(string id) => Definition(
        id,
        [
            Node("start", "Start"),
            Node("wait", "WaitForEvent", new JsonObject { ["eventName"] = "Go" }),
            Node("set", "SetVariable", new JsonObject { ["variable"] = "counter", ["value"] = 1 }),
            Node("end", "End"),
        ],
        [Connect("start", "wait"), Connect("wait", "set"), Connect("set", "end")]);

    /// <summary>Start → Delay (one day) → SetVariable → End: a timer that fires on its own, then the instance completes.</summary>
    public static JsonObject DelayThenFinish(string id) => Definition(
        id,
        [
            Node("start", "Start"),
            Node("delay", "Delay", new JsonObject { ["duration"] = "P1D" }),
            Node("set", "SetVariable", new JsonObject { ["variable"] = "counter", ["value"] = 1 }),
            Node("end", "End"),
        ],
        [Connect("start", "delay"), Connect("delay", "set"), Connect("set", "end")]);

    /// <summary>
    /// Start → WaitForEvent("Go") whose Done port leads back to itself: every resume is one durable
    /// step (the wait resumed, the next wait entered, one new bookmark, the instance row updated).
    /// </summary>
    public static JsonObject WaitLoop(string id) => Definition(
        id,
        [
            Node("start", "Start"),
            Node("wait", "WaitForEvent", new JsonObject { ["eventName"] = "Go" }),
        ],
        [Connect("start", "wait"), Connect("wait", "wait")]);

    /// <summary>Start → HumanTask (form with a comment, outcomes Approve / Reject) → SetVariable → End, like an ops approval.</summary>
    public static JsonObject Approval(string id) => Definition(
        id,
        [
            Node("start", "Start"),
            Node("approve", "HumanTask", new JsonObject
            {
                ["title"] = "Approve the request",
                ["role"] = "ops",
                ["form"] = new JsonArray { new JsonObject { ["name"] = "comment", ["label"] = "Comment", ["type"] = "string", ["required"] = false } },
                ["outcomes"] = new JsonArray { "Approve", "Reject" },
            }),
            Node("set", "SetVariable", new JsonObject { ["variable"] = "counter", ["value"] = 1 }),
            Node("end", "End"),
        ],
        [Connect("start", "approve"), Connect("approve", "set", "Approve"), Connect("approve", "end", "Reject"), Connect("set", "end")]);

    private static JsonObject Definition(string id, JsonArray activities, JsonArray connections) => new()
    {
        ["definitionId"] = id,
        ["version"] = 1,
        ["name"] = id,
        ["variables"] = new JsonArray { new JsonObject { ["name"] = "counter", ["type"] = "number", ["default"] = 0 } },
        ["root"] = new JsonObject { ["activities"] = activities, ["connections"] = connections },
    };

    private static JsonObject Node(string id, string type, JsonObject? inputs = null) =>
        new() { ["id"] = id, ["type"] = type, ["inputs"] = inputs ?? [] };

    private static JsonObject Connect(string from, string to, string port = "Done") =>
        new() { ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to } };
}
