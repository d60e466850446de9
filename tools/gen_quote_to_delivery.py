"""Generates workflows/quote-to-delivery/v4.json (the marketplace's whole path).
Email models leave out the fields SendEmail reads itself from the quote/order ids (e.g. ProductType as its display name).

Run: python3 tools/gen_quote_to_delivery.py workflows/quote-to-delivery/v4.json
Edit this script rather than the JSON, then regenerate (a published version is immutable: a change
after publishing is the next version; v1.json, v2.json and v3.json were written by this script's earlier states, see git
history, and stay so that instances started on them keep running on them).
v4 over v3: the automation rules act where they apply. At each stage's end and at each delay report the rule set runs
with the stage's days late (at a delay report: how far the planned end moved), and LateStageEmailsOps' email_ops emails
ops (the alert when a stage passes its planned end stays as in v3). Once a supplier accepted, the rules run with the
order's quality risk (input1.RiskScore): HighRiskNeedsExtraQc's extra_qc adds an ops QC review after the factory's QC
passes (a fail there sends the order to rework like the factory's). The buyer's requirements (neededBy, certifications,
allowed/blocked countries) are inputs, stored on the quote by CreateQuote.
v3 over v2: the factory starts each stage itself ("Start <stage>", its actual start) before completing it; the stage is
opened by StartProductionStage with startNow false (planned dates, and the deadline timer runs from there); the discount
follow-up records its 10 % on the quote (PromiseQuoteDiscount), shown on the quote's page before acceptance and applied
by CreateOrder from the quote.
v2 over v1: a stage task can report a delay (reason, new date; the stage reruns with its deadline from the new date); a decline needs its reason (requiredFor, checked by the engine on every completion path); QC is the
factory's task for the order's supplier (Pass/Fail with notes, notes required to fail) instead of an ops task. Started from the team's draft (plan/gen_workflow.py), adapted to the real
activities: email models per template (templates/*.scriban), EvaluateRules action ports,
RecordOfferResponse Accepted/NotAccepted ports, the supplier email at offer time.
"""
import collections, json, sys

A = []; C = []

def a(id, type, name=None, **inputs):
    node = {"id": id, "type": type}
    if name: node["name"] = name
    if inputs: node["inputs"] = {k.rstrip('_'): v for k, v in inputs.items()}
    A.append(node)

def js(s): return {"$js": s}
def tpl(s):
    """A title with {{ expr }} holes, written as JavaScript: Scriban templates cannot read outputs holding
    non-string JSON values such as ids (ExpressionEvaluator.ToScriban), JavaScript can."""
    import re
    parts = re.split(r"\{\{(.*?)\}\}", s)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if part: out.append(json.dumps(part).replace("'", "\\'").replace('"', "'"))
        else:
            out.append("(" + part.strip() + ")")
    return {"$js": " + ".join(out)}
def var(s): return {"$var": s}

def c(src, tgt, port=None):
    s = {"activity": src}
    if port: s["port"] = port
    C.append({"source": s, "target": {"activity": tgt}})

def chain(*ids):
    for x, y in zip(ids, ids[1:]): c(x, y)

def status(id, st, reason):
    a(id, "UpdateOrderStatus", f"Status: {st}", orderId=var("orderId"), status=st, reason=reason)

Q = "outputs['create-quote']"
O = "outputs['create-order']"
BUYER = js("input.email")

def email(id, template, to, name, model, invoiceId=None):
    # Links (QuoteUrl, AcceptUrl, OrderUrl, PayUrl…) are SendEmail's, from Marketplace:PublicUrl: models carry none.
    extra = {"invoiceId": js(invoiceId)} if invoiceId else {}
    a(id, "SendEmail", name, template=template, to=to, model=js(model), quoteId=js("input.quoteId"), orderId=js("variables.orderId || null"), **extra)

def day(expr): return f"new Date({expr}).toISOString().slice(0, 10)"
IN_DAYS = lambda n: day(f"Date.now() + {n} * 86400000")

# 1 quote
a("start", "Start")
a("calculate", "CalculateQuote", "Price the quote", productType=js("input.productType"), quantity=js("input.quantity"), complexity=js("input.complexity || 'medium'"))
a("create-quote", "CreateQuote", "Store the quote", quoteId=js("input.quoteId"), request=js("input"), pricing=js("outputs.calculate"))
a("ai", "GenerateAiSuggestions", "AI suggestions (optional)", quoteId=js("input.quoteId"))
email("email-quote", "quote-confirmation", BUYER, "Quote to the buyer",
      f"({{ BuyerName: {Q}.name, QuoteNumber: {Q}.number, Quantity: {Q}.quantity, Complexity: {Q}.complexity, "
      f"UnitPrice: {Q}.unitPrice, Total: {Q}.total, Currency: {Q}.currency, LeadTimeDays: {Q}.leadTimeDays, AiSummary: outputs.ai.summary || null }})")
email("email-ops-quote", "ops-new-quote", "ops", "Alert ops",
      f"({{ QuoteNumber: {Q}.number, BuyerEmail: {Q}.email, BuyerName: {Q}.name, Quantity: {Q}.quantity, "
      f"Complexity: {Q}.complexity, Total: {Q}.total, Currency: {Q}.currency, LeadTimeDays: {Q}.leadTimeDays, Requirements: {Q}.requirements, "
      f"FollowUpBy: new Date(Date.parse({Q}.createdAt) + 86400000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }})")
a("quote-sent", "UpdateQuoteStatus", "Quote sent", quoteId=js("input.quoteId"), status="quote_sent")
chain("start", "calculate", "create-quote", "ai", "email-quote", "email-ops-quote", "quote-sent", "await-fork")

# 2 acceptance loop with follow-ups
a("await-fork", "Fork", "Wait for acceptance or follow up", branches=["Accept", "FollowUp"])
a("wait-accept", "WaitForEvent", "Buyer accepts", eventName="QuoteAccepted")
a("mark-accepted", "SetVariable", None, variable="acceptance", value="accepted")
a("follow-up-delay", "Delay", "Follow-up timer", duration=js("input.followUpAfter || 'P2D'"))
a("mark-follow-up", "SetVariable", None, variable="acceptance", value="followup")
a("accept-join", "Join", None, mode="WaitAny")
a("accept-switch", "Switch", "Accepted?", cases=[{"port": "Accepted", "condition": "variables.acceptance === 'accepted'"}, {"port": "FollowUp", "condition": "variables.followUps < 3"}])
# v3: the discount follow-up (the second) records its 10 % on the quote first, so the quote's page shows it before
# acceptance, the e-mail quotes the same rounded total, and CreateOrder applies it (a promise is never taken back).
a("promise-discount", "PromiseQuoteDiscount", "Promise the discount", quoteId=js("input.quoteId"), percent=js("variables.followUps === 1 ? 10 : 0"))
P = "outputs['promise-discount']"
email("send-follow-up", js("['lead-follow-up-gentle', 'lead-follow-up-discount', 'lead-follow-up-urgent'][variables.followUps]"), BUYER, "Follow up with the buyer",
      f"({{ BuyerName: {Q}.name, QuoteNumber: {Q}.number, Quantity: {Q}.quantity, Total: {Q}.total, Currency: {Q}.currency, "
      f"DiscountPercent: {P}.percent, DiscountedTotal: {P}.discountedTotal, OfferValidUntil: {IN_DAYS(7)}, ExpiresAt: {IN_DAYS(2)} }})")
a("count-follow-up", "SetVariable", None, variable="followUps", value=js("variables.followUps + 1"))
a("quote-expired", "UpdateQuoteStatus", "Quote expired", quoteId=js("input.quoteId"), status="expired")
a("end-expired", "End", "Expired")
c("await-fork", "wait-accept", "Accept"); c("await-fork", "follow-up-delay", "FollowUp")
chain("wait-accept", "mark-accepted", "accept-join"); chain("follow-up-delay", "mark-follow-up", "accept-join")
c("accept-join", "accept-switch")
c("accept-switch", "create-order", "Accepted"); c("accept-switch", "promise-discount", "FollowUp"); c("accept-switch", "quote-expired", "Default")
chain("promise-discount", "send-follow-up")
chain("send-follow-up", "count-follow-up", "await-fork"); chain("quote-expired", "end-expired")

# 3 order + automation
# The discount promised on the quote (promise-discount) applies: CreateOrder reads it from the quote.
a("create-order", "CreateOrder", "Create the order", quoteId=js("input.quoteId"))
a("set-order", "SetVariable", None, variable="orderId", value=js(f"{O}.orderId"))
a("automation", "EvaluateRules", "Automation rules", ruleSet="automation", input_=js("({ orderId: variables.orderId })"), actions=["skip_review", "admin_review"])
status("status-review", "admin_review", "an automation rule asks for ops review")
a("review", "HumanTask", "Ops review", title=tpl(f"Review order {{{{ outputs['create-order'].number }}}} ({{{{ outputs['create-order'].total }}}} USD)"), role="ops",
  form=[{"name": "reason", "label": "Reason", "type": "string", "required": False}], outcomes=["Approve", "Reject"])
status("status-rejected", "cancelled", js("'rejected in ops review: ' + (outputs.review.reason || 'no reason given')"))
a("end-rejected", "End", "Rejected")
chain("create-order", "set-order", "automation")
c("automation", "status-review", "admin_review"); c("automation", "deposit-invoice", "skip_review"); c("automation", "deposit-invoice", "Default")
c("status-review", "review"); c("review", "deposit-invoice", "Approve"); c("review", "status-rejected", "Reject"); c("status-rejected", "end-rejected")

# 4/8 payment blocks
def payment(kind, next_id):
    p = kind; I = f"outputs['{p}-invoice']"
    email(f"email-{p}-invoice", "invoice", BUYER, f"Send the {kind} invoice",
          f"({{ BuyerName: {O}.buyerName, InvoiceNumber: {I}.number, OrderNumber: {O}.number, Kind: {I}.kind, Amount: {I}.amount, Currency: {I}.currency, "
          f"IssuedAt: {I}.issuedAt.slice(0, 10), DueDate: {I}.dueAt.slice(0, 10) }})", invoiceId=f"{I}.invoiceId")
    a(f"{p}-intent", "CreatePaymentIntent", f"{kind.title()} payment intent", invoiceId=js(f"{I}.invoiceId"))
    a(f"wait-{p}", "WaitForEvent", f"Stripe confirms the {kind}", eventName="PaymentReceived", correlationKey=js(f"{I}.invoiceId"))
    a(f"confirm-{p}", "HumanTask", f"Ops confirms the {kind}", title=tpl(f"Confirm payment of {{{{ {I}.number }}}} ({{{{ {I}.amount }}}} USD)"), role="ops",
      form=[{"name": "reference", "label": "Payment reference", "type": "string", "required": True}])
    a(f"mark-{p}-paid", "MarkInvoicePaid", "Mark paid", invoiceId=js(f"{I}.invoiceId"), provider="manual", externalId=js(f"outputs['confirm-{p}'].reference"))
    status(f"status-{p}-paid", "payment_received", f"{kind} paid")
    M = f"outputs['mark-{p}-paid']"; W = f"outputs['wait-{p}']"
    email(f"email-{p}-receipt", "payment-receipt", BUYER, "Payment receipt",
          f"({{ BuyerName: {O}.buyerName, InvoiceNumber: {I}.number, OrderNumber: {O}.number, Amount: {I}.amount, Currency: {I}.currency, "
          f"PaidAt: (({M} && {M}.paidAt) || new Date().toISOString()).slice(0, 10), "
          f"PaymentReference: ({W} && {W}.paymentIntentId) || ({M} && {M}.externalId) || {I}.number }})")
    chain(f"email-{p}-invoice", f"{p}-intent")
    c(f"{p}-intent", f"wait-{p}", "Done"); c(f"{p}-intent", f"confirm-{p}", "Manual")
    chain(f"confirm-{p}", f"mark-{p}-paid", f"status-{p}-paid"); c(f"wait-{p}", f"status-{p}-paid")
    chain(f"status-{p}-paid", f"email-{p}-receipt", next_id)

a("deposit-invoice", "CreateInvoice", "Deposit invoice (30%)", orderId=var("orderId"), kind="deposit")
status("status-awaiting-deposit", "awaiting_payment", "30% deposit invoiced")
email("email-order-confirmation", "order-confirmation", BUYER, "Order confirmation",
      f"({{ BuyerName: {O}.buyerName, OrderNumber: {O}.number, QuoteNumber: {O}.quoteNumber, Quantity: {O}.quantity, "
      f"UnitPrice: {O}.unitPrice, Total: {O}.total, Currency: {O}.currency, LeadTimeDays: {O}.leadTimeDays, DepositAmount: outputs['deposit-invoice'].amount }})")
chain("deposit-invoice", "status-awaiting-deposit", "email-order-confirmation", "email-deposit-invoice")
payment("deposit", "assign")

# 5 supplier assignment: offer (email), answer or timeout, next candidate
F = "outputs.offer"
a("assign", "AssignSupplier", "Rank suppliers", orderId=var("orderId"))
a("offer", "OfferToNextCandidate", "Offer to the next candidate", orderId=var("orderId"))
a("find-supplier", "HumanTask", "Ops finds a supplier", title=tpl("No supplier took order {{ outputs['create-order'].number }}: add or adjust suppliers, then retry"), role="ops", outcomes=["Retry"])
SUPPLIER_MODEL = (f"({{ SupplierName: {F}.supplierName, OrderNumber: {O}.number, Quantity: {O}.quantity, Complexity: {O}.complexity, "
                  f"Fabric: {O}.fabric, Requirements: {O}.requirements, SupplierPrice: {F}.supplierPrice || Math.round({O}.total * 90) / 100, Currency: {O}.currency, "
                  f"LeadTimeDays: {O}.leadTimeDays, RespondBy: {IN_DAYS(2)} }})")
email("email-offer", "supplier-assignment", js(f"{F}.supplierEmail"), "Offer the order to the supplier", SUPPLIER_MODEL)
email("email-auto-assigned", "supplier-assignment", js(f"{F}.supplierEmail"), "Tell the auto-accepting supplier", SUPPLIER_MODEL)
a("offer-fork", "Fork", None, branches=["Supplier", "Timeout"])
a("supplier-decides", "HumanTask", "Supplier accepts or declines", title=tpl("New order {{ outputs['create-order'].number }}: {{ input.quantity }} × {{ input.productType }}"), role="supplier", assignee=js(f"{F}.supplierId"),
  form=[{"name": "reason", "label": "Reason (when declining)", "type": "string", "required": False, "requiredFor": ["Decline"], "maxLength": 500}], outcomes=["Accept", "Decline"])
a("offer-accepted", "SetVariable", None, variable="offerResult", value="accepted")
a("offer-declined", "SetVariable", None, variable="offerResult", value="declined")
a("offer-timeout", "Delay", "Offer timeout", duration=js("input.offerTimeout || 'P2D'"))
a("offer-timed-out", "SetVariable", None, variable="offerResult", value="timeout")
a("offer-join", "Join", None, mode="WaitAny")
a("record-offer", "RecordOfferResponse", "Record the answer", offerId=js(f"{F}.offerId"), response=var("offerResult"))
status("status-assigned", "assigned_to_supplier", js(f"'supplier ' + {F}.supplierName + ' accepted the order'"))
c("assign", "offer", "Done"); c("assign", "find-supplier", "NoCandidates"); c("find-supplier", "assign", "Retry")
c("offer", "email-offer", "Offered"); c("offer", "email-auto-assigned", "AutoAccepted"); c("offer", "find-supplier", "Exhausted")
c("email-offer", "offer-fork"); c("email-auto-assigned", "status-assigned")
c("offer-fork", "supplier-decides", "Supplier"); c("offer-fork", "offer-timeout", "Timeout")
c("supplier-decides", "offer-accepted", "Accept"); c("supplier-decides", "offer-declined", "Decline")
chain("offer-accepted", "offer-join"); chain("offer-declined", "offer-join"); chain("offer-timeout", "offer-timed-out", "offer-join")
chain("offer-join", "record-offer"); c("record-offer", "status-assigned", "Accepted"); c("record-offer", "offer", "NotAccepted")
# v4: the order's quality risk, now that its supplier is known, feeds the rules; extra_qc adds the ops QC review.
a("risk-rules", "EvaluateRules", "Automation rules: quality risk", ruleSet="automation", actions=["extra_qc"], input_=js("({ orderId: variables.orderId })"))
a("mark-extra-qc", "SetVariable", None, variable="extraQc", value=True)
chain("status-assigned", "risk-rules"); c("risk-rules", "mark-extra-qc", "extra_qc"); c("risk-rules", "status-sample-requested", "Default")
chain("mark-extra-qc", "status-sample-requested")

# 6 samples
status("status-sample-requested", "sample_requested", "sample requested from the supplier")
a("submit-sample", "HumanTask", "Supplier submits a sample", title=tpl("Send a sample for order {{ outputs['create-order'].number }}"), role="supplier", assignee=js(f"{F}.supplierId"),
  form=[{"name": "trackingNumber", "label": "Sample tracking number", "type": "string", "required": False}, {"name": "notes", "label": "Notes", "type": "string", "required": False}])
status("status-sample-submitted", "sample_submitted", "supplier sent the sample")
a("approve-sample", "HumanTask", "Buyer approves the sample", title=tpl("Approve the sample for order {{ outputs['create-order'].number }}"), role="buyer", assignee=js("input.buyerUserId || input.email"),
  form=[{"name": "feedback", "label": "Feedback", "type": "string", "required": False}], outcomes=["Approve", "Reject"])
status("status-sample-approved", "sample_approved", "buyer approved the sample")
status("status-sample-rejected", "sample_requested", js("'buyer rejected the sample: ' + (outputs['approve-sample'].feedback || 'no feedback')"))
chain("status-sample-requested", "submit-sample", "status-sample-submitted", "approve-sample")
c("approve-sample", "status-sample-approved", "Approve"); c("approve-sample", "status-sample-rejected", "Reject"); c("status-sample-rejected", "submit-sample")

# 7 production stages: the factory's task, or past the planned end a delay alert and the factory system's event
S = "outputs['next-stage']"
status("status-bulk", "bulk_production", "sample approved; bulk production starts")
a("next-stage", "StartProductionStage", "Open the next stage", orderId=var("orderId"), startNow=False)
a("stage-fork", "Fork", None, branches=["Work", "Deadline"])
a("stage-task", "HumanTask", "Factory completes the stage", title=tpl(f"Complete {{{{ {S}.name }}}} for order {{{{ outputs['create-order'].number }}}} (planned {{{{ {S}.plannedDays }}}} days)"),
  role="factory", assignee=js(f"{F}.supplierId"), outcomes=["Done", "Report delay"],
  form=[{"name": "notes", "label": "Notes", "type": "string", "required": False},
        {"name": "reason", "label": "Reason for the delay", "type": "string", "required": False, "requiredFor": ["Report delay"], "maxLength": 500},
        {"name": "newDate", "label": "New planned date", "type": "date", "required": False, "requiredFor": ["Report delay"]}])
# v3: the factory says when it starts the stage (the actual start); a stage that reruns after a delay report is started already.
a("stage-started-check", "Decision", None, condition=js("variables.stageStarted === true"))
a("stage-start", "HumanTask", "Factory starts the stage", title=tpl(f"Start {{{{ {S}.name }}}} for order {{{{ outputs['create-order'].number }}}} (planned {{{{ {S}.plannedDays }}}} days, until {{{{ {S}.plannedEnd.slice(0, 10) }}}})"),
  role="factory", assignee=js(f"{F}.supplierId"))
a("record-stage-start", "RecordStageStart", "Record the actual start", orderId=var("orderId"), sequence=js(f"{S}.sequence"))
a("stage-started", "SetVariable", None, variable="stageStarted", value=True)
a("stage-not-started", "SetVariable", None, variable="stageStarted", value=False)
a("stage-deadline", "Delay", "Planned end of the stage", duration=var("stageDueIn"))
a("stage-late", "RecordStageDelay", "Record the delay", orderId=var("orderId"), sequence=js(f"{S}.sequence"))
L = "outputs['stage-late']"
email("stage-late-alert", "production-delay-alert", "ops", "Alert ops: stage late",
      f"({{ OrderNumber: {O}.number, StageName: {L}.name, PlannedEnd: {L}.plannedEnd, DaysLate: {L}.daysLate, SupplierName: {L}.supplierName, "
      f"SupplierEmail: {L}.supplierEmail }})")
a("stage-completed-event", "WaitForEvent", "Or the factory's system reports it", eventName="ProductionStageCompleted", correlationKey=js(f"variables.orderId + ':' + {S}.sequence"))
a("stage-join", "Join", None, mode="WaitAny")
a("complete-stage", "CompleteProductionStage", "Stage done", orderId=var("orderId"), sequence=js(f"{S}.sequence"))
K = "outputs['complete-stage']"
email("email-stage", "production-update", BUYER, "Tell the buyer",
      f"({{ BuyerName: {O}.buyerName, OrderNumber: {O}.number, StageName: {K}.name, StageSequence: {K}.sequence, StageCount: {K}.stageCount, "
      f"Event: 'completed', PlannedEnd: {K}.plannedEnd }})")
# A delay report (the supplier's or factory's "Report delay" on the stage task) also ends the stage's Fork at the WaitAny
# join, which cancels the old deadline timer (or the factory-event wait); the stage is then rescheduled, the buyer told, and
# the same stage runs again: a new task and a timer from the new planned end (stageDueIn), never a second task.
a("stage-due", "SetVariable", None, variable="stageDueIn", value=js(f"{S}.dueIn"))
a("stage-working", "SetVariable", None, variable="stageAction", value="work")
a("stage-delay-reported", "SetVariable", None, variable="stageAction", value="delay")
a("stage-delay-check", "Decision", None, condition=js("variables.stageAction === 'delay'"))
a("reschedule-stage", "RescheduleProductionStage", "Move the stage's planned end", orderId=var("orderId"), sequence=js(f"{S}.sequence"),
  newDate=js("outputs['stage-task'].newDate"), reason=js("outputs['stage-task'].reason"))
D = "outputs['reschedule-stage']"
email("email-stage-delayed", "production-update", BUYER, "Tell the buyer the new date",
      f"({{ BuyerName: {O}.buyerName, OrderNumber: {O}.number, StageName: {D}.name, StageSequence: {D}.sequence, StageCount: {D}.stageCount, "
      f"Event: 'delayed', PlannedEnd: {D}.plannedEnd.slice(0, 10), Reason: {D}.reason }})")
a("stage-due-new", "SetVariable", None, variable="stageDueIn", value=js(f"{D}.dueIn"))
chain("status-sample-approved", "status-bulk", "next-stage")
c("next-stage", "stage-due", "Started"); c("next-stage", "status-qc", "AllDone")
chain("stage-due", "stage-not-started", "stage-working", "stage-fork")
c("stage-fork", "stage-started-check", "Work"); c("stage-fork", "stage-deadline", "Deadline")
c("stage-started-check", "stage-task", "True"); c("stage-started-check", "stage-start", "False")
chain("stage-start", "record-stage-start", "stage-started", "stage-task")
c("stage-task", "stage-join", "Done"); c("stage-task", "stage-delay-reported", "Report delay"); chain("stage-delay-reported", "stage-join")
chain("stage-deadline", "stage-late", "stage-late-alert", "stage-completed-event", "stage-join")
chain("stage-join", "stage-delay-check")
c("stage-delay-check", "complete-stage", "False"); c("stage-delay-check", "reschedule-stage", "True")
chain("email-stage", "next-stage")
chain("email-stage-delayed", "stage-due-new", "stage-working")
# v4: LateStageEmailsOps at each stage event (its end, a delay report); email_ops emails ops.
def stage_rules(id, after, days_late, model, next_id):
    a(id, "EvaluateRules", "Automation rules: stage", ruleSet="automation", actions=["email_ops"],
      input_=js(f"({{ orderId: variables.orderId, subject: 'stage', stage: {model}.name, stageDaysLate: {days_late} }})"))
    email(f"{id}-email", "production-delay-alert", "ops", "Alert ops: a rule says so",
          f"({{ OrderNumber: {O}.number, StageName: {model}.name, PlannedEnd: {model}.plannedEnd, DaysLate: {days_late}, SupplierName: {F}.supplierName, "
          f"SupplierEmail: {F}.supplierEmail }})")
    chain(after, id); c(id, f"{id}-email", "email_ops"); c(id, next_id, "Default"); chain(f"{id}-email", next_id)
stage_rules("stage-end-rules", "complete-stage", f"{K}.daysLate", K, "email-stage")
stage_rules("stage-delay-rules", "reschedule-stage", f"Math.max(0, Math.ceil((Date.parse({D}.plannedEnd) - Date.parse({D}.previousPlannedEnd)) / 86400000))", D, "email-stage-delayed")

# QC with rework
status("status-qc", "qc_inspection", "production finished; quality control")
a("qc", "HumanTask", "Factory QC inspection", title=tpl("QC inspection of order {{ outputs['create-order'].number }}"), role="factory", assignee=js(f"{F}.supplierId"),
  form=[{"name": "notes", "label": "QC notes (required to fail)", "type": "string", "required": False, "requiredFor": ["Fail"], "maxLength": 500}], outcomes=["Pass", "Fail"])
status("status-rework", "bulk_production", js("'QC failed: ' + (outputs.qc.notes || 'see inspection')"))
a("rework", "HumanTask", "Factory reworks", title=tpl("Rework order {{ outputs['create-order'].number }} after QC"), role="factory", assignee=js(f"{F}.supplierId"),
  form=[{"name": "notes", "label": "What was fixed", "type": "string", "required": False}])
status("status-awaiting-balance", "awaiting_payment", "QC passed; 70% balance invoiced")
a("extra-qc-check", "Decision", "Extra QC?", condition=js("variables.extraQc === true"))
a("ops-qc", "HumanTask", "Ops QC review (high quality risk)", title=tpl("Extra QC of order {{ outputs['create-order'].number }}: its quality risk is high (see the order's risk factors)"), role="ops",
  form=[{"name": "notes", "label": "QC notes (required to fail)", "type": "string", "required": False, "requiredFor": ["Fail"], "maxLength": 500}], outcomes=["Pass", "Fail"])
status("status-ops-qc-failed", "bulk_production", js("'ops QC failed: ' + (outputs['ops-qc'].notes || 'see inspection')"))
chain("status-qc", "qc"); c("qc", "status-rework", "Fail"); c("qc", "extra-qc-check", "Pass"); chain("status-rework", "rework", "status-qc")
c("extra-qc-check", "ops-qc", "True"); c("extra-qc-check", "status-awaiting-balance", "False")
c("ops-qc", "status-awaiting-balance", "Pass"); c("ops-qc", "status-ops-qc-failed", "Fail"); chain("status-ops-qc-failed", "rework")
a("balance-invoice", "CreateInvoice", "Balance invoice (70%)", orderId=var("orderId"), kind="balance")
chain("status-awaiting-balance", "balance-invoice", "email-balance-invoice")
payment("balance", "status-ready")

# 9 shipping and delivery
status("status-ready", "ready_to_ship", "balance paid")
a("ship", "HumanTask", "Supplier ships", title=tpl("Ship order {{ outputs['create-order'].number }}"), role="supplier", assignee=js(f"{F}.supplierId"),
  form=[{"name": "carrier", "label": "Carrier", "type": "string", "required": True}, {"name": "trackingNumber", "label": "Tracking number", "type": "string", "required": True}])
a("record-shipment", "RecordShipment", "Record carrier and tracking", orderId=var("orderId"), carrier=js("outputs.ship.carrier"), trackingNumber=js("outputs.ship.trackingNumber"))
status("status-shipped", "shipped", js("'shipped with ' + outputs['record-shipment'].carrier + ', tracking ' + outputs['record-shipment'].trackingNumber"))
R = "outputs['record-shipment']"
email("email-shipped", "shipped", BUYER, "Shipped email",
      f"({{ BuyerName: {O}.buyerName, OrderNumber: {O}.number, Carrier: {R}.carrier, TrackingNumber: {R}.trackingNumber, TrackingUrl: null, "
      f"ShippedAt: {R}.shippedAt.slice(0, 10), EstimatedDelivery: null }})")
a("confirm-delivery", "HumanTask", "Ops confirms delivery", title=tpl("Confirm delivery of order {{ outputs['create-order'].number }}"), role="ops",
  form=[{"name": "notes", "label": "Notes", "type": "string", "required": False}])
status("status-delivered", "delivered", "delivery confirmed")
email("email-delivered", "delivered", BUYER, "Delivered email",
      f"({{ BuyerName: {O}.buyerName, OrderNumber: {O}.number, DeliveredAt: new Date().toISOString().slice(0, 10), FeedbackUrl: null }})")
status("status-completed", "completed", "order completed")
a("end", "End", "Done")
chain("status-ready", "ship", "record-shipment", "status-shipped", "email-shipped", "confirm-delivery", "status-delivered", "email-delivered", "status-completed", "end")

# layout: breadth-first depth from start
ids = [x["id"] for x in A]; out = collections.defaultdict(list)
for e in C: out[e["source"]["activity"]].append(e["target"]["activity"])
depth = {"start": 0}; order = ["start"]; q = collections.deque(["start"])
while q:
    n = q.popleft()
    for t in out[n]:
        if t not in depth:
            depth[t] = depth[n] + 1; q.append(t); order.append(t)
missing = [i for i in ids if i not in depth]
assert not missing, missing
# The designer reads top to bottom (inputs on top, outcomes below): each depth is a row, its activities side by side;
# every ROWS depths the rows wrap into a new column to the right, so the whole path fits a wide screen.
ROWS = 12
lane_count = collections.Counter(depth.values())
column_lanes = collections.defaultdict(int)
for d, n in lane_count.items():
    column_lanes[d // ROWS] = max(column_lanes[d // ROWS], n)
column_x = {}; x = 0
for column in sorted(column_lanes):
    column_x[column] = x; x += column_lanes[column] * 240 + 160
lanes = collections.Counter()
for n in order:
    d = depth[n]; node = next(x for x in A if x["id"] == n)
    node["position"] = {"x": column_x[d // ROWS] + lanes[d] * 240, "y": (d % ROWS) * 150}; lanes[d] += 1
assert len(set(ids)) == len(ids)
for e in C:
    assert e["source"]["activity"] in ids and e["target"]["activity"] in ids, e
wf = {"definitionId": "quote-to-delivery", "version": 4, "name": "Quote to delivery",
      "description": "The marketplace's whole path for one buyer request: price the quote, email it, follow up until it is accepted or expires, then the order: automation rules and ops review, 30% deposit, supplier offers with timeouts, samples, the eleven production stages (the factory starts and completes each) with delay alerts, the factory's QC with rework (and an ops QC review when the automation rules find the quality risk high), 70% balance, shipping and delivery. Start it through POST /api/quotes; the correlation id is the quote id.",
      "variables": [{"name": "orderId", "type": "string", "default": ""}, {"name": "acceptance", "type": "string", "default": "waiting"},
                    {"name": "followUps", "type": "number", "default": 0}, {"name": "offerResult", "type": "string", "default": ""},
                    {"name": "stageDueIn", "type": "string", "default": ""}, {"name": "stageAction", "type": "string", "default": "work"},
                    {"name": "stageStarted", "type": "boolean", "default": False}, {"name": "extraQc", "type": "boolean", "default": False}],
      "inputs": [{"name": "quoteId", "type": "string", "required": True, "description": "The quote id (also the instance's correlation id)."},
                 {"name": "productType", "type": "string", "required": True}, {"name": "quantity", "type": "number", "required": True}, {"name": "complexity", "type": "string", "required": False},
                 {"name": "fabric", "type": "string", "required": False}, {"name": "requirements", "type": "string", "required": False}, {"name": "email", "type": "string", "required": True},
                 {"name": "name", "type": "string", "required": False}, {"name": "buyerUserId", "type": "string", "required": False},
                 {"name": "neededBy", "type": "string", "required": False, "description": "yyyy-MM-dd the goods are needed by."},
                 {"name": "requiredCertifications", "type": "array", "required": False}, {"name": "allowedCountries", "type": "array", "required": False},
                 {"name": "blockedCountries", "type": "array", "required": False},
                 {"name": "followUpAfter", "type": "string", "required": False, "description": "ISO 8601 duration between follow-up emails (default P2D)."},
                 {"name": "offerTimeout", "type": "string", "required": False, "description": "ISO 8601 duration a supplier has to answer an offer (default P2D)."}],
      "root": {"activities": A, "connections": C}}
json.dump(wf, open(sys.argv[1], "w"), indent=2, ensure_ascii=False)
print(len(A), "activities", len(C), "connections")
