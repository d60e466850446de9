namespace Sleek.Workflows.Marketplace.Email;

/// <summary>An email template rendered with its model: what the outbox stores and a transport sends.</summary>
/// <param name="Subject">One line; line breaks in the rendered subject are collapsed to spaces.</param>
/// <param name="HtmlBody">The HTML part (model values escaped by the template's <c>| html.escape</c>).</param>
/// <param name="TextBody">The plain-text part.</param>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);
