namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>How <see cref="FakeOpenAiServer"/> answers a chat completion.</summary>
public enum OpenAiFakeMode
{
    /// <summary>200 with a <c>chat.completion</c> and usage counts.</summary>
    Normal,

    /// <summary>Holds the request for <see cref="FakeOpenAiServer.SlowDelay"/> (longer than a client's timeout) before answering.</summary>
    Slow,

    /// <summary>500 with OpenAI's error object.</summary>
    ServerError,
}
