using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Email;

namespace Sleek.Workflows.Marketplace.Tests.Email;

public sealed class EmailTemplatesTests
{
    private static readonly Lazy<EmailTemplates> Repository = new(() => EmailTemplates.Load(Path.Combine(SourceTree.Root, "templates")));

    private static EmailTemplates Templates => Repository.Value;

    [Fact]
    public void The_repository_has_one_template_per_domain_email()
    {
        // Every email of docs/domain.md, plus the ops alert on AI spending (rendered in the EmailAi tests).
        Assert.Equal(EmailModels.TemplateNames.Append("ai-cost-alert").Order(StringComparer.Ordinal), Templates.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EmailModels.Names), MemberType = typeof(EmailModels))]
    public void Every_template_renders_with_a_realistic_model(string template)
    {
        var model = EmailModels.For(template);

        var email = Templates.Render(template, model);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain('\n', email.Subject);
        Assert.StartsWith("<!DOCTYPE html>", email.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", email.HtmlBody, StringComparison.Ordinal);
        if ((model["ResetUrl"] ?? model["ClaimUrl"]) is { } link)
        {
            // An account email (password reset, quote claim): about no record, but it must carry its link.
            Assert.Contains(link.GetValue<string>(), email.TextBody, StringComparison.Ordinal);
        }
        else if ((model["SignUpUrl"] ?? model["PortalUrl"]) is { } supplierLink)
        {
            // A supplier's onboarding email (invitation, verification, certificates): its name and its link.
            Assert.Contains(model["SupplierName"]!.GetValue<string>(), email.TextBody, StringComparison.Ordinal);
            Assert.Contains(supplierLink.GetValue<string>(), email.TextBody, StringComparison.Ordinal);
        }
        else
        {
            var number = model["InvoiceNumber"] ?? model["OrderNumber"] ?? model["QuoteNumber"];
            Assert.Contains(number!.GetValue<string>(), email.Subject, StringComparison.Ordinal);
            Assert.Contains(number.GetValue<string>(), email.TextBody, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{{", email.HtmlBody + email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EmailModels.Names), MemberType = typeof(EmailModels))]
    public void Every_string_field_is_html_escaped_in_the_html_body(string template)
    {
        var model = EmailModels.For(template);
        foreach (var (name, value) in model.ToList())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out _))
            {
                model[name] = $"<script>alert('{name}')</script>";
            }
        }

        var email = Templates.Render(template, model);

        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_in_a_buyer_name_is_escaped_in_html_and_kept_as_text()
    {
        var model = EmailModels.For("quote-confirmation");
        model["BuyerName"] = "<script>alert(1)</script> & Sons";

        var email = Templates.Render("quote-confirmation", model);

        Assert.Contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons,", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello <script>alert(1)</script> & Sons,", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_field_fails_naming_the_field_and_template()
    {
        var model = EmailModels.For("quote-confirmation");
        model.Remove("LeadTimeDays");

        var error = Assert.Throws<EmailTemplateException>(() => Templates.Render("quote-confirmation", model));

        Assert.Contains("`LeadTimeDays` was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("'quote-confirmation'", error.Message, StringComparison.Ordinal);
        Assert.Contains("quote-confirmation.scriban(16)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_fields_may_be_left_out()
    {
        var model = EmailModels.For("quote-confirmation");
        model.Remove("BuyerName");
        model.Remove("AiSummary");

        var email = Templates.Render("quote-confirmation", model);

        Assert.Contains("Hello there,", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("background: #f4f6f8", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_quote_confirmation_shows_price_quantity_lead_time_summary_and_how_to_accept()
    {
        var email = Templates.Render("quote-confirmation", EmailModels.For("quote-confirmation"));

        Assert.Equal("Your quote Q-2026-0042: 150 × T-shirt for 1,296.75 USD", email.Subject);
        Assert.Contains("Unit price: 8.645 USD", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Total:      1,296.75 USD", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Quantity:   150 units", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lead time:  14 days", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Combed cotton jersey", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://sleek.example/quotes/3f2a/accept?token=abc\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("started", "Cutting started (stage 4 of 11)", "has started")]
    [InlineData("completed", "Cutting completed (stage 4 of 11)", "is complete")]
    [InlineData("late", "Cutting is running late (stage 4 of 11)", "longer than planned")]
    public void The_production_update_says_started_completed_or_late(string stageEvent, string subjectPart, string bodyPart)
    {
        var model = EmailModels.For("production-update");
        model["Event"] = stageEvent;

        var email = Templates.Render("production-update", model);

        Assert.Contains(subjectPart, email.Subject, StringComparison.Ordinal);
        Assert.Contains(bodyPart, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(bodyPart, email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_template_lists_the_known_ones()
    {
        var error = Assert.Throws<EmailTemplateException>(() => Templates.Render("quote-confirmaton", []));

        Assert.Contains("'quote-confirmaton'", error.Message, StringComparison.Ordinal);
        Assert.Contains("quote-confirmation, shipped, supplier-assignment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_names_the_file_and_its_line()
    {
        var folder = TempDirectory.Create("templates");
        try
        {
            File.WriteAllText(Path.Combine(folder, "ok.scriban"), "subject: Hi\n--- html\n<p>hi</p>\n--- text\nhi\n");
            File.WriteAllText(Path.Combine(folder, "broken.scriban"), "# a comment\nsubject: Hi {{ Name }}\n--- html\n<p>one</p>\n<p>two</p>\n--- text\nline 7\n{{ if Name }}never closed\n");

            var error = Assert.Throws<EmailTemplateException>(() => EmailTemplates.Load(folder));

            Assert.Contains("broken.scriban(8)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.Delete(folder);
        }
    }

    [Theory]
    [InlineData("subject: Hi\n--- html\n<p>{{ Name </p>\n--- text\nhi\n", "(3)")]
    [InlineData("subject: Hi\n--- html\n<p>hi</p>\n--- text\nhi {{ Name\n", "(5)")]
    [InlineData("--- html\n<p>hi</p>\n--- text\nhi\n", "no 'subject:'")]
    [InlineData("subject: Hi\n--- html\n<p>hi</p>\n", "both a '--- html' and a '--- text'")]
    [InlineData("subject: Hi\nfrom: x\n--- html\n<p>hi</p>\n--- text\nhi\n", "(2): unexpected header line")]
    public void A_malformed_template_is_refused_with_its_line(string content, string expected)
    {
        var error = Assert.Throws<EmailTemplateException>(() => EmailTemplateParser.Parse("t", "t.scriban", content));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_names_are_kept_as_written()
    {
        var templates = new EmailTemplates([EmailTemplateParser.Parse("t", "t.scriban", "subject: {{ CustomerName }}\n--- html\n<p>{{ Items[1].SkuCode | html.escape }}</p>\n--- text\n{{ for i in Items }}{{ i.SkuCode }};{{ end }}\n")]);
        var model = new JsonObject
        {
            ["CustomerName"] = "Acme",
            ["Items"] = new JsonArray(new JsonObject { ["SkuCode"] = "A-1" }, new JsonObject { ["SkuCode"] = "B<2>" }),
        };

        var email = templates.Render("t", model);

        Assert.Equal("Acme", email.Subject);
        Assert.Equal("<p>B&lt;2&gt;</p>\n", email.HtmlBody);
        Assert.Equal("A-1;B<2>;\n", email.TextBody);
    }

    [Fact]
    public void A_model_parsed_from_json_text_renders_like_one_built_in_code()
    {
        var built = EmailModels.For("invoice");
        var parsed = JsonNode.Parse(built.ToJsonString())!.AsObject();

        Assert.Equal(Templates.Render("invoice", built), Templates.Render("invoice", parsed));
        Assert.Contains("Amount due: 389.03 USD", Templates.Render("invoice", parsed).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_nested_field_fails_naming_it()
    {
        var templates = new EmailTemplates([EmailTemplateParser.Parse("t", "t.scriban", "subject: x\n--- html\n{{ Order.Number | html.escape }}\n--- text\n{{ Order.Number }}\n")]);

        var error = Assert.Throws<EmailTemplateException>(() => templates.Render("t", new JsonObject { ["Order"] = new JsonObject { ["Id"] = 1 } }));

        Assert.Contains("Number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_expression_over_what_a_buyer_typed_is_stopped_after_half_a_second()
    {
        // Templates are files of the repository, but their models carry what buyers typed: a pattern that backtracks
        // on such text gets the sandbox's 500 ms per match (Scriban's own default is 10 s), in a render of at most 1 s.
        var templates = new EmailTemplates([EmailTemplateParser.Parse("t", "t.scriban", "subject: x\n--- html\n{{ for i in 1..100 }}{{ Note | regex.match '(a+)+$' }}{{ end }}\n--- text\nx\n")]);

        var error = Assert.Throws<EmailTemplateException>(() => templates.Render("t", new JsonObject { ["Note"] = new string('a', 40) + "!" }));

        Assert.Contains("a regular expression ran longer than 500 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_render_that_would_build_a_huge_text_is_refused()
    {
        var templates = new EmailTemplates([EmailTemplateParser.Parse("t", "t.scriban", "subject: x\n--- html\n{{ Note | string.pad_left 300000000 }}\n--- text\nx\n")]);

        var error = Assert.Throws<EmailTemplateException>(() => templates.Render("t", new JsonObject { ["Note"] = "x" }));

        Assert.Contains("'t' (html)", error.Message, StringComparison.Ordinal);
    }
}
