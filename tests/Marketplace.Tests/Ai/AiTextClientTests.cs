using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Marketplace.Tests.Ai;

public sealed class AiTextClientTests
{
    [Theory]
    [InlineData("", "/chat/completions")]
    [InlineData("/v1", "/v1/chat/completions")]
    public async Task Returns_the_text_with_token_counts_model_and_cost(string endpointSuffix, string expectedPath)
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        var client = new AiTextClient(new AiOptions { Endpoint = fake.BaseUrl + endpointSuffix, ApiKey = "sk-test", Model = "gpt-4o-mini" });

        var completion = await client.SuggestAsync("You advise apparel buyers.", "150 t-shirts, medium complexity", CancellationToken.None);

        Assert.Equal(fake.AnswerText, completion.Text);
        Assert.Equal((412, 87), (completion.PromptTokens, completion.CompletionTokens));
        Assert.Equal("gpt-4o-mini-2024-07-18", completion.Model);
        Assert.Equal(((412 * 0.15m) + (87 * 0.60m)) / 1_000_000m, completion.CostUsd);
        var request = Assert.Single(fake.Requests);
        Assert.Equal(expectedPath, request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal("gpt-4o-mini", request.Model);
        Assert.Equal([("system", "You advise apparel buyers."), ("user", "150 t-shirts, medium complexity")], request.Messages);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_fails_clearly_after_the_timeout()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.Mode = OpenAiFakeMode.Slow;
        var client = new AiTextClient(new AiOptions { Endpoint = fake.BaseUrl, ApiKey = "sk-test", TimeoutSeconds = 1 });

        var error = await Assert.ThrowsAsync<AiException>(() => client.SuggestAsync("x", "y", CancellationToken.None));

        Assert.Equal(AiFailure.Timeout, error.Reason);
        Assert.Contains("did not answer within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_server_error_fails_clearly_without_sdk_retries()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.Mode = OpenAiFakeMode.ServerError;
        var client = new AiTextClient(new AiOptions { Endpoint = fake.BaseUrl, ApiKey = "sk-test" });

        var error = await Assert.ThrowsAsync<AiException>(() => client.SuggestAsync("x", "y", CancellationToken.None));

        Assert.Equal(AiFailure.HttpError, error.Reason);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_clearly()
    {
        string endpoint;
        await using (var fake = await FakeOpenAiServer.StartAsync())
        {
            endpoint = fake.BaseUrl;
        }

        var client = new AiTextClient(new AiOptions { Endpoint = endpoint, ApiKey = "sk-test" });

        var error = await Assert.ThrowsAsync<AiException>(() => client.SuggestAsync("x", "y", CancellationToken.None));

        Assert.Equal(AiFailure.Unreachable, error.Reason);
    }

    [Fact]
    public async Task The_caller_cancelling_is_not_a_timeout()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.Mode = OpenAiFakeMode.Slow;
        var client = new AiTextClient(new AiOptions { Endpoint = fake.BaseUrl, ApiKey = "sk-test", TimeoutSeconds = 20 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SuggestAsync("x", "y", cancel.Token));
    }

    [Fact]
    public async Task Without_endpoint_or_key_ai_text_is_off()
    {
        var client = new AiTextClient(new AiOptions());

        Assert.False(client.IsConfigured);
        var error = await Assert.ThrowsAsync<AiException>(() => client.SuggestAsync("x", "y", CancellationToken.None));
        Assert.Equal(AiFailure.NotConfigured, error.Reason);
    }
}
