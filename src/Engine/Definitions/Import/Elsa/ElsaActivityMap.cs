namespace Sleek.Workflows.Engine.Definitions.Import.Elsa;

/// <summary>How one Elsa activity type becomes one of our built-in activities.</summary>
/// <param name="Type">Our activity type.</param>
/// <param name="Inputs">Elsa input name → ours; Elsa inputs not listed are left out (with a warning when they hold a value).</param>
/// <param name="Ports">Elsa outcome → our port, where they differ.</param>
internal sealed record ElsaMapping(string Type, IReadOnlyDictionary<string, string> Inputs, IReadOnlyDictionary<string, string>? Ports = null);

/// <summary>
/// Every Elsa 3 activity type that has an equivalent among our built-ins. Only built-ins: the engine knows no
/// domain, and an Elsa workflow cannot name our domain activities anyway.
/// </summary>
internal static class ElsaActivityMap
{
    private static readonly Dictionary<string, string> None = [];

    private static readonly Dictionary<string, string> HttpRequestInputs = new()
    {
        ["url"] = "url", ["method"] = "method", ["content"] = "body", ["requestHeaders"] = "headers",
    };

    private static readonly Dictionary<string, string> ChildInputs = new()
    {
        ["workflowDefinitionId"] = "workflowId", ["input"] = "input", ["correlationId"] = "correlationId",
    };

    public static readonly IReadOnlyDictionary<string, ElsaMapping> Mappings = new Dictionary<string, ElsaMapping>(StringComparer.Ordinal)
    {
        ["Elsa.Start"] = new("Start", None),
        ["Elsa.End"] = new("End", None),
        ["Elsa.Finish"] = new("End", None),
        ["Elsa.Complete"] = new("End", None),
        ["Elsa.WriteLine"] = new("Log", new Dictionary<string, string> { ["text"] = "message" }),
        ["Elsa.Log"] = new("Log", new Dictionary<string, string> { ["message"] = "message", ["level"] = "level" }),
        ["Elsa.SetVariable"] = new("SetVariable", new Dictionary<string, string> { ["variable"] = "variable", ["value"] = "value" }),
        ["Elsa.FlowDecision"] = new("Decision", new Dictionary<string, string> { ["condition"] = "condition" }),
        ["Elsa.If"] = new("Decision", new Dictionary<string, string> { ["condition"] = "condition" }, new Dictionary<string, string> { ["Then"] = "True", ["Else"] = "False" }),
        ["Elsa.FlowSwitch"] = new("Switch", new Dictionary<string, string> { ["mode"] = "matchAll" }),
        ["Elsa.FlowFork"] = new("Fork", new Dictionary<string, string> { ["branches"] = "branches" }),
        ["Elsa.FlowJoin"] = new("Join", new Dictionary<string, string> { ["mode"] = "mode" }),
        ["Elsa.Delay"] = new("Delay", new Dictionary<string, string> { ["timeSpan"] = "duration" }),
        ["Elsa.Cron"] = new("Timer", new Dictionary<string, string> { ["cronExpression"] = "cron" }),
        ["Elsa.Event"] = new("WaitForEvent", new Dictionary<string, string> { ["eventName"] = "eventName" }),
        ["Elsa.Fault"] = new("Fault", new Dictionary<string, string> { ["message"] = "message" }),
        ["Elsa.SendHttpRequest"] = new("HttpRequest", HttpRequestInputs, new Dictionary<string, string> { ["Done"] = "Success" }),
        ["Elsa.FlowSendHttpRequest"] = new("HttpRequest", HttpRequestInputs, new Dictionary<string, string>
        {
            ["Done"] = "Success", ["Failed to connect"] = "Failure", ["Timeout"] = "Failure", ["Unmatched status code"] = "Failure",
        }),
        ["Elsa.HttpEndpoint"] = new("HttpEndpoint", new Dictionary<string, string> { ["path"] = "path", ["supportedMethods"] = "methods" }),
        ["Elsa.WriteHttpResponse"] = new("WriteHttpResponse", new Dictionary<string, string> { ["statusCode"] = "status", ["content"] = "body", ["responseHeaders"] = "headers" }),
        ["Elsa.ExecuteWorkflow"] = new("ExecuteWorkflow", ChildInputs, new Dictionary<string, string> { ["Done"] = "Completed" }),
        ["Elsa.DispatchWorkflow"] = new("DispatchWorkflow", ChildInputs),
    };

    /// <summary>Properties of an Elsa activity that are not inputs.</summary>
    public static readonly IReadOnlySet<string> Structural = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously",
        "source", "result", "output", "parsedContent", "files", "routeData", "queryStringData", "headers", "cases",
        "authorize", "policy", "contentType", "waitForCompletion", "expectedStatusCodes",
    };
}
