using System.Diagnostics.Metrics;
using Invitations.Application.Common;
using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Invitations.Application.Tests.Invitations;

/// <summary>Retry delays of 30 s and 120 s: three attempts in all.</summary>
public sealed class DispatchInvitationEmailsCommandHandlerTests
{
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly IEmailSender _sender = Substitute.For<IEmailSender>();
    private readonly IEmailSession _session = Substitute.For<IEmailSession>();
    private readonly IEmailBatch _batch = Substitute.For<IEmailBatch>();
    private readonly FakeTimeProvider _clock = new(InvitationBuilder.Start);
    private readonly WorkspaceCard _workspace = InvitationBuilder.Card(WorkspaceId.New());
    private readonly List<DeliveryOutcome> _recorded = [];
    private readonly DispatchInvitationEmailsCommandHandler _handler;

    public DispatchInvitationEmailsCommandHandlerTests()
    {
        _handler = new DispatchInvitationEmailsCommandHandler(
            _outbox, _sender, _clock, Options.Create(new InvitationOptions()),
            Options.Create(new EmailOptions { RetryDelaysSeconds = [30, 120] }),
            new EmailDispatchObserver(new InvitationMetrics(new Meter("test")), NullLogger<EmailDispatchObserver>.Instance),
            EmailTexts.Localizer);
        _sender.ConnectAsync(Arg.Any<CancellationToken>()).Returns(_session);
        _batch.RecordAsync(Arg.Any<OwedEmail>(), Arg.Do<DeliveryOutcome>(_recorded.Add)).Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task Handle_SendsEveryClaimedEmailOverOneConnection_AndRecordsEachSent()
    {
        Claim(Owed("a@example.com"), Owed("b@example.com"));

        var report = await Dispatch();

        Assert.Equal(2, report.Sent);
        await _sender.Received(1).ConnectAsync(Arg.Any<CancellationToken>());
        await _session.Received(2).SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>());
        Assert.All(_recorded, o => Assert.Equal((DeliveryStatus.Sent, 1), (o.Status, o.Attempts)));
        await _batch.Received(1).CompleteAsync();
    }

    [Fact]
    public async Task Handle_MessageRefused_BacksOffThatEmailAlone_AndSendsTheOthers()
    {
        Claim(Owed("bad@example.com"), Owed("good@example.com"));
        Refuse("bad@example.com");

        var report = await Dispatch();

        var bad = _recorded[0];
        Assert.Equal((DeliveryStatus.Pending, 1, InvitationBuilder.Start.AddSeconds(30)), (bad.Status, bad.Attempts, bad.NextAttemptAt));
        Assert.Contains("550", bad.Error, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, _recorded[1].Status);
        Assert.Equal((1, 1), (report.Sent, report.Retrying));
    }

    [Fact]
    public async Task Handle_LastAttemptRefused_FailsForGoodWithTheError()
    {
        Claim(Owed("bad@example.com", attempts: 2));
        Refuse("bad@example.com");

        var report = await Dispatch();

        Assert.Equal((DeliveryStatus.Failed, 3), (_recorded[0].Status, _recorded[0].Attempts));
        Assert.Contains("550", Assert.Single(report.FailedForGood).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_ServerUnreachable_IsAFailedAttemptForEveryEmail_ConnectsOnce_AndStops()
    {
        Claim(Owed("a@example.com", attempts: 1), Owed("b@example.com"), Owed("c@example.com", attempts: 2));
        _sender.ConnectAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new EmailDeliveryException("connection refused", connectionLost: true));

        var report = await Dispatch();

        Assert.Equal(
            [(DeliveryStatus.Pending, 2, InvitationBuilder.Start.AddSeconds(120)), (DeliveryStatus.Pending, 1, InvitationBuilder.Start.AddSeconds(30)),
             (DeliveryStatus.Failed, 3, InvitationBuilder.Start)],
            _recorded.Select(o => (o.Status, o.Attempts, o.NextAttemptAt)));
        Assert.All(_recorded, o => Assert.Equal("connection refused", o.Error));
        Assert.Equal((2, 1, "connection refused"), (report.Retrying, report.FailedForGood.Count, report.ConnectionError));
        await _sender.Received(1).ConnectAsync(Arg.Any<CancellationToken>());
        await _outbox.Received(1).ClaimAsync(Arg.Any<int>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ConnectionLostMidBatch_FailsTheRestWithoutWaitingForTheServerAgain()
    {
        Claim(Owed("a@example.com"), Owed("b@example.com"), Owed("c@example.com"));
        _session.SendAsync(Arg.Is<EmailMessage>(m => m.To == "b@example.com"), Arg.Any<CancellationToken>())
            .ThrowsAsync(new EmailDeliveryException("connection reset", connectionLost: true));

        await Dispatch();

        Assert.Equal([(DeliveryStatus.Sent, 1), (DeliveryStatus.Pending, 1), (DeliveryStatus.Pending, 1)], _recorded.Select(o => (o.Status, o.Attempts)));
        await _session.DidNotReceive().SendAsync(Arg.Is<EmailMessage>(m => m.To == "c@example.com"), Arg.Any<CancellationToken>());
        await _sender.Received(1).ConnectAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_EmailNoLongerSendable_IsCancelledUnsent()
    {
        var owed = Claim(Owed("revoked@example.com"), Owed("pending@example.com"));
        _batch.MayBeSent(owed[0], Arg.Any<DateTimeOffset>()).Returns(false);

        var report = await Dispatch();

        Assert.Equal([DeliveryStatus.Cancelled, DeliveryStatus.Sent], _recorded.Select(o => o.Status));
        await _session.DidNotReceive().SendAsync(Arg.Is<EmailMessage>(m => m.To == "revoked@example.com"), Arg.Any<CancellationToken>());
        Assert.Equal(1, report.Cancelled);
    }

    [Fact]
    public async Task Handle_AskedToStop_SendsNothingMore_AndCompletesTheBatch()
    {
        using var stopping = new CancellationTokenSource();
        Claim(Owed("a@example.com"), Owed("b@example.com"));
        _session.SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>()).Returns(_ => stopping.CancelAsync());

        await _handler.Handle(new DispatchInvitationEmailsCommand(), stopping.Token);

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(_recorded).Status);
        await _session.Received(1).SendAsync(Arg.Any<EmailMessage>(), CancellationToken.None);
        await _batch.Received(1).CompleteAsync();
    }

    [Fact]
    public async Task Handle_EachEmail_CarriesTheLinkItsClaimStored()
    {
        var owed = Claim(Owed("a@example.com"));
        EmailMessage? sent = null;
        await _session.SendAsync(Arg.Do<EmailMessage>(m => sent = m), Arg.Any<CancellationToken>());

        await Dispatch();

        var token = sent!.TextBody.Split("#token=")[1].Split('\n')[0].Trim();
        Assert.Equal(owed[0].Claim.TokenHash, Domain.Common.SecretToken.HashOf(token));
    }

    private Task<DispatchReport> Dispatch() => _handler.Handle(new DispatchInvitationEmailsCommand(), CancellationToken.None);

    /// <summary>The outbox hands out these emails on the first claim and nothing after; all of them may be sent.</summary>
    private OwedEmail[] Claim(params OwedEmail[] owed)
    {
        _outbox.ClaimAsync(Arg.Any<int>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(owed.Select(o => o.Claim).ToList(), []);
        _outbox.OpenAsync(Arg.Any<IReadOnlyList<ClaimedEmail>>(), Arg.Any<CancellationToken>()).Returns(_batch);
        _batch.Emails.Returns(owed);
        _batch.Holding.Returns(true);
        _batch.MayBeSent(Arg.Any<OwedEmail>(), Arg.Any<DateTimeOffset>()).Returns(true);
        return owed;
    }

    private void Refuse(string to) =>
        _session.SendAsync(Arg.Is<EmailMessage>(m => m.To == to), Arg.Any<CancellationToken>())
            .ThrowsAsync(new EmailDeliveryException("550 mailbox unavailable", connectionLost: false));

    private OwedEmail Owed(string email, int attempts = 0)
    {
        var owed = InvitationBuilder.Owed(InvitationBuilder.Create(email), _workspace, 1, attempts);
        return owed;
    }
}
