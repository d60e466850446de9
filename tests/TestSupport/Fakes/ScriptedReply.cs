namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>
/// One answer of <see cref="ScriptedOpenAiServer"/>: streamed text, or tool calls (name and JSON arguments), with the
/// usage numbers OpenAI would report; or a failure (an HTTP status, or a stream that breaks after some text).
/// </summary>
public sealed record ScriptedReply
{
    public string? Text { get; init; }

    public IReadOnlyList<ScriptedToolCall> ToolCalls { get; init; } = [];

    public int PromptTokens { get; init; } = 320;

    public int CompletionTokens { get; init; } = 45;

    /// <summary>Non-200: answered with OpenAI's error object and this status instead.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Sends the first words of <see cref="Text"/>, then ends the stream without a finish reason, usage or [DONE] (a reply broken mid-stream).</summary>
    public bool BreakMidway { get; init; }

    public static ScriptedReply Say(string text, int promptTokens = 320, int completionTokens = 45) =>
        new() { Text = text, PromptTokens = promptTokens, CompletionTokens = completionTokens };

    public static ScriptedReply Call(string tool, string argumentsJson, int promptTokens = 300, int completionTokens = 25) =>
        new() { ToolCalls = [new ScriptedToolCall(tool, argumentsJson)], PromptTokens = promptTokens, CompletionTokens = completionTokens };

    public static ScriptedReply Fail(int status) => new() { Status = status };
}

/// <summary>A tool call the scripted model makes.</summary>
public sealed record ScriptedToolCall(string Name, string ArgumentsJson);
