using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Links;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Email;

/// <summary>
/// Renders an email template and records the email in the outbox, in the burst's transaction, under the
/// execution's idempotency key: the email exists exactly when the workflow step committed, and a retry of
/// the step finds its row and records nothing new, so it is never sent twice. The
/// <see cref="EmailDispatcher"/> sends it shortly after the commit (within <c>Email:PollIntervalSeconds</c>).
/// </summary>
[Activity("SendEmail", InProcess = true, Category = "Email", DisplayName = "Send email", OutputType = "object",
    Description = "Renders a template and records the email in the outbox; it is sent after the step commits, once per step.")]
public sealed class SendEmail : IActivity
{
    /// <summary>The value of <see cref="To"/> that means the configured ops address.</summary>
    public const string OpsRecipient = EmailRecipients.Ops;

    /// <summary>A template name (a file of templates/ without <c>.scriban</c>).</summary>
    [Input(Required = true, Description = "Template name, e.g. quote-confirmation (a file in templates/).")]
    public string Template { get; set; } = "";

    /// <summary>The recipient's address, or <c>ops</c>.</summary>
    [Input(Required = true, Description = "Recipient address, or \"ops\" for the ops team (Marketplace:OpsEmail).")]
    public string To { get; set; } = "";

    /// <summary>Fields for the template beyond the standard ones read from the quote, order, invoice and stage.</summary>
    [Input(Description = "Extra model fields, laid over the standard ones read from quoteId, orderId, invoiceId and stageSequence, e.g. {\"Event\": \"late\"}.")]
    public JsonNode? Model { get; set; }

    /// <summary>The quote the email is about (recorded on the outbox row).</summary>
    [Input(Description = "The quote it is about (optional).")]
    public string? QuoteId { get; set; }

    /// <summary>The order the email is about (recorded on the outbox row).</summary>
    [Input(Description = "The order it is about (optional).")]
    public string? OrderId { get; set; }

    /// <summary>The invoice the email is about: its number, amount, due date and payment.</summary>
    [Input(Description = "The invoice it is about (optional): fills InvoiceNumber, Amount, DueDate, PaymentReference ...")]
    public string? InvoiceId { get; set; }

    /// <summary>The production stage (of the order) the email is about.</summary>
    [Input(Description = "The order's production stage it is about (optional): fills StageName, PlannedEnd, DaysLate ...")]
    public int? StageSequence { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var options = context.Services.GetRequiredService<MarketplaceOptions>();
        var to = EmailRecipients.Resolve(To, options);
        if (to is null)
        {
            return ActivityResult.Fault($"to '{To}' is not an email address (nor \"{OpsRecipient}\")");
        }

        if (!TryParseId(QuoteId, out var quoteId))
        {
            return ActivityResult.Fault($"quoteId '{QuoteId}' is not an id");
        }

        if (!TryParseId(OrderId, out var orderId))
        {
            return ActivityResult.Fault($"orderId '{OrderId}' is not an id");
        }

        if (!TryParseId(InvoiceId, out var invoiceId))
        {
            return ActivityResult.Fault($"invoiceId '{InvoiceId}' is not an id");
        }

        if (Model is not null and not JsonObject)
        {
            return ActivityResult.Fault($"model of template '{Template}' must be an object, got {Model.GetValueKind()}");
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        // Links come from Marketplace:PublicUrl; a host without the security setup (engine tests) signs with a throwaway key.
        var links = context.Services.GetService<QuoteLinks>() ?? new QuoteLinks(new CapabilityTokens(RandomNumberGenerator.GetBytes(32)), options, context.Clock);
        var facts = await EmailFacts.ReadAsync(db, links, to, now, quoteId, orderId, invoiceId, StageSequence, context.CancellationToken);
        RenderedEmail content;
        try
        {
            content = context.Services.GetRequiredService<EmailTemplates>().Render(Template, EmailFacts.Merge(facts, Model as JsonObject));
        }
        catch (EmailTemplateException ex)
        {
            return ActivityResult.Fault(ex.Message);
        }
        var (message, inserted) = await EmailOutbox.EnqueueAsync(
            db,
            new EmailMessage
            {
                IdempotencyKey = context.IdempotencyKey,
                Template = Template,
                To = to,
                Subject = content.Subject,
                HtmlBody = content.HtmlBody,
                TextBody = content.TextBody,
                CreatedAt = context.Clock.GetUtcNow().UtcDateTime,
                QuoteId = quoteId,
                OrderId = orderId,
            },
            context.CancellationToken);
        if (!inserted)
        {
            context.Logger.LogInformation("Email {EmailId} was already recorded under {IdempotencyKey} (a retry of this step); nothing new is sent", message.Id, context.IdempotencyKey);
        }

        return ActivityResult.Done(new JsonObject
        {
            ["emailId"] = message.Id,
            ["to"] = message.To,
            ["subject"] = message.Subject,
            ["template"] = message.Template,
        });
    }

    private static bool TryParseId(string? text, out Guid? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Guid.TryParse(text, out var parsed))
        {
            id = parsed;
            return true;
        }

        return false;
    }
}
