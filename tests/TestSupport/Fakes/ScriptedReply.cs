namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>
/// One answer of <see cref="ScriptedOpenAiServer"/>: streamed text, or tool calls (name and JSON arguments), with the
/// usage numbers OpenAI would report; or a failure (an HTTP status, or a stream that breaks after some text).
/// </summary>
public sealed record ScriptedReply
{
    public string? Text { get; init; }

    public IReadOnlyList<ScriptedToolCall> ToolCalls { get; init; } = [];

    /// <summary>Null: estimated from the request as OpenAI's tokenizer roughly counts English and JSON (4 characters a token).</summary>
    public int? PromptTokens { get; init; }

    /// <summary>Null: estimated from the streamed text or tool call (4 characters a token, at least 5).</summary>
    public int? CompletionTokens { get; init; }

    /// <summary>Non-200: answered with OpenAI's error object and this status instead.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Sends the first words of <see cref="Text"/>, then ends the stream without a finish reason, usage or [DONE] (a reply broken mid-stream).</summary>
    public bool BreakMidway { get; init; }

    public static ScriptedReply Say(string text) => new() { Text = text };

    public static ScriptedReply Call(string tool, string argumentsJson) => new() { ToolCalls = [new ScriptedToolCall(tool, argumentsJson)] };

    public static ScriptedReply Fail(int status) => new() { Status = status };
}

/// <summary>A tool call the scripted model makes.</summary>
public sealed record ScriptedToolCall(string Name, string ArgumentsJson);
