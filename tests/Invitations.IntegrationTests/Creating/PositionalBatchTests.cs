using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.Persistence.Creates;

namespace Invitations.IntegrationTests.Creating;

/// <summary>The statement files run as positional batches; what the split must keep and what it must change.</summary>
public sealed class PositionalBatchTests
{
    [Fact]
    public void Names_BecomePositions_PerStatement_AndARepeatedNameKeepsItsPosition()
    {
        var batch = PositionalBatch.Parse("SELECT @a, @b, @a;\nUPDATE t SET x = @b WHERE y = @c;");

        Assert.Collection(
            batch.Statements,
            first =>
            {
                Assert.Equal("SELECT $1, $2, $1", first.Text);
                Assert.Equal(["a", "b"], first.Names);
            },
            second =>
            {
                Assert.Equal("UPDATE t SET x = $1 WHERE y = $2", second.Text);
                Assert.Equal(["b", "c"], second.Names);
            });
    }

    [Fact]
    public void CommentsGo_ButQuotedTextAndOperatorsStayAsWritten()
    {
        var batch = PositionalBatch.Parse(
            "-- about @x; not a statement\nSELECT 'a @mail; ''quoted''', \"col@x\" /* @y; */ FROM t WHERE tags @> ARRAY['*'] AND id = @id::uuid");

        var statement = Assert.Single(batch.Statements);
        Assert.Equal("SELECT 'a @mail; ''quoted''', \"col@x\"   FROM t WHERE tags @> ARRAY['*'] AND id = $1::uuid", statement.Text);
        Assert.Equal(["id"], statement.Names);
    }

    [Theory]
    [InlineData("SELECT $1")]
    [InlineData("SELECT $$body$$")]
    [InlineData("SELECT 'unclosed")]
    [InlineData("SELECT 1 /* unclosed")]
    public void WhatTheSplitCannotReadSafely_IsRefused(string sql) =>
        Assert.Throws<FormatException>(() => PositionalBatch.Parse(sql));

    [Fact]
    public void TheCreateStatement_IsTheLockThenTheWrite()
    {
        var batch = PositionalBatch.Of<InvitationStore>("CreateInvitation");

        Assert.Equal(2, batch.Statements.Count);
        Assert.StartsWith("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)", batch.Statements[0].Text);
        Assert.Contains("CASE WHEN $1 THEN pg_advisory_xact_lock($2, $3)", batch.Statements[0].Text);
        Assert.StartsWith("WITH seats AS", batch.Statements[1].Text);
        Assert.DoesNotContain("@", batch.Statements[1].Text.Replace("@>", ""));
    }
}
