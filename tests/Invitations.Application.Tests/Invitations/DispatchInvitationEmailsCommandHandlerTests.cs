using System.Diagnostics.Metrics;
using Invitations.Application.Common;
using Invitations.Application.Invitations.DispatchInvitationEmails;
using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;
using Invitations.Domain.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Invitations.Application.Tests.Invitations;

/// <summary>Retry delays of 30 s and 120 s: three attempts, and an unreachable server is given up on 150 s after the email was owed.</summary>
public sealed class DispatchInvitationEmailsCommandHandlerTests
{
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly IEmailSender _sender = Substitute.For<IEmailSender>();
    private readonly IEmailSession _session = Substitute.For<IEmailSession>();
    private readonly IOutboxBatch _batch = Substitute.For<IOutboxBatch>();
    private readonly FakeTimeProvider _clock = new(InvitationBuilder.Start);
    private readonly WorkspaceCard _workspace = new(WorkspaceId.New(), "Acme", Branding.None);
    private readonly List<DeliveryOutcome> _recorded = [];
    private IReadOnlyList<string> _hashes = [];
    private readonly DispatchInvitationEmailsCommandHandler _handler;

    public DispatchInvitationEmailsCommandHandlerTests()
    {
        _handler = new DispatchInvitationEmailsCommandHandler(
            _outbox, _sender, _clock, Options.Create(new InvitationOptions()),
            Options.Create(new EmailOptions { RetryDelaysSeconds = [30, 120] }),
            new InvitationMetrics(new Meter("test")), NullLogger<DispatchInvitationEmailsCommandHandler>.Instance);
        _sender.ConnectAsync(Arg.Any<CancellationToken>()).Returns(_session);
        _batch.CompleteAsync(Arg.Do<IReadOnlyList<DeliveryOutcome>>(_recorded.AddRange), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task Handle_SendsEveryClaimedEmailOverOneConnection_AndRecordsThemSent()
    {
        var owed = Claim(Owed("a@example.com"), Owed("b@example.com"));

        var report = await Dispatch();

        Assert.Equal(2, report.Sent);
        await _sender.Received(1).ConnectAsync(Arg.Any<CancellationToken>());
        await _session.Received(2).SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>());
        Assert.All(_recorded, o => Assert.Equal((DeliveryStatus.Sent, 1), (o.Status, o.Attempts)));
        Assert.Equal(owed.Select(o => o.InvitationId), _recorded.Select(o => o.InvitationId));
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
        var failed = Assert.Single(report.FailedForGood);
        Assert.Contains("550", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_ServerUnreachable_GivesTheBatchBackWithoutSpendingAnAttempt_AndStops()
    {
        Claim(Owed("a@example.com", attempts: 1), Owed("b@example.com"));
        _sender.ConnectAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new EmailDeliveryException("connection refused", connectionLost: true));

        var report = await Dispatch();

        Assert.Equal(
            [(DeliveryStatus.Pending, 1, InvitationBuilder.Start.AddSeconds(120)), (DeliveryStatus.Pending, 0, InvitationBuilder.Start.AddSeconds(30))],
            _recorded.Select(o => (o.Status, o.Attempts, o.NextAttemptAt)));
        Assert.All(_recorded, o => Assert.Equal("connection refused", o.Error));
        Assert.Equal((2, "connection refused"), (report.GivenBack, report.ConnectionError));
        await _outbox.Received(1).ClaimAsync(Arg.Any<IReadOnlyList<string>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ConnectionLostMidBatch_GivesBackTheRest()
    {
        Claim(Owed("a@example.com"), Owed("b@example.com"), Owed("c@example.com"));
        _session.SendAsync(Arg.Is<EmailMessage>(m => m.To == "b@example.com"), Arg.Any<CancellationToken>())
            .ThrowsAsync(new EmailDeliveryException("connection reset", connectionLost: true));

        await Dispatch();

        Assert.Equal(
            [(DeliveryStatus.Sent, 1), (DeliveryStatus.Pending, 0), (DeliveryStatus.Pending, 0)],
            _recorded.Select(o => (o.Status, o.Attempts)));
        await _session.DidNotReceive().SendAsync(Arg.Is<EmailMessage>(m => m.To == "c@example.com"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ServerUnreachablePastTheWholeSchedule_FailsForGood()
    {
        Claim(Owed("a@example.com", owedSince: InvitationBuilder.Start.AddSeconds(-150)));
        _sender.ConnectAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new EmailDeliveryException("connection refused", connectionLost: true));

        var report = await Dispatch();

        Assert.Equal(DeliveryStatus.Failed, Assert.Single(_recorded).Status);
        Assert.Single(report.FailedForGood);
    }

    [Fact]
    public async Task Handle_EmailNoLongerSendable_IsCancelledUnsent()
    {
        var owed = Claim(Owed("revoked@example.com"), Owed("pending@example.com"));
        _batch.Sendable.Returns(new HashSet<(Guid, int)> { owed[1].Key });

        var report = await Dispatch();

        Assert.Equal([DeliveryStatus.Cancelled, DeliveryStatus.Sent], _recorded.Select(o => o.Status));
        await _session.DidNotReceive().SendAsync(Arg.Is<EmailMessage>(m => m.To == "revoked@example.com"), Arg.Any<CancellationToken>());
        Assert.Equal(1, report.Cancelled);
    }

    [Fact]
    public async Task Handle_EachEmail_CarriesTheLinkWhoseHashWasClaimed()
    {
        Claim(Owed("a@example.com"));
        EmailMessage? sent = null;
        await _session.SendAsync(Arg.Do<EmailMessage>(m => sent = m), Arg.Any<CancellationToken>());

        await Dispatch();

        var token = sent!.TextBody.Split("#token=")[1].Split('\n')[0].Trim();
        Assert.Equal(_hashes[0], Domain.Common.SecretToken.HashOf(token));
    }

    private Task<DispatchReport> Dispatch() => _handler.Handle(new DispatchInvitationEmailsCommand(), CancellationToken.None);

    /// <summary>The outbox hands out these emails on the first claim and nothing after; all of them are sendable.</summary>
    private OwedEmail[] Claim(params OwedEmail[] owed)
    {
        _outbox.ClaimAsync(Arg.Do<IReadOnlyList<string>>(h => _hashes = _hashes.Count == 0 ? h : _hashes), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(_ => owed.Select((o, i) => o with { TokenHash = _hashes[i] }).ToList(), _ => []);
        _outbox.BeginSendingAsync(Arg.Any<IReadOnlyList<OwedEmail>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(_batch);
        _batch.Sendable.Returns(new HashSet<(Guid, int)>(owed.Select(o => o.Key)));
        return owed;
    }

    private void Refuse(string to) =>
        _session.SendAsync(Arg.Is<EmailMessage>(m => m.To == to), Arg.Any<CancellationToken>())
            .ThrowsAsync(new EmailDeliveryException("550 mailbox unavailable", connectionLost: false));

    private OwedEmail Owed(string email, int attempts = 0, DateTimeOffset? owedSince = null)
    {
        var invitation = InvitationBuilder.Create();
        return InvitationBuilder.Owed(invitation, _workspace, 1, attempts, owedSince) with { Email = email };
    }
}
