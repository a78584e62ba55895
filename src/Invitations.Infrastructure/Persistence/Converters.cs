using Invitations.Domain.Common;
using Invitations.Domain.Invitations;
using Invitations.Domain.JoinLinks;
using Invitations.Domain.Webhooks;
using Invitations.Domain.Workspaces;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Invitations.Infrastructure.Persistence;

/// <summary>Ids as plain uuids, and enums as the lower-case words the partial indexes and operators read.</summary>
internal static class Converters
{
    public static readonly ValueConverter<WorkspaceId, Guid> WorkspaceId = new(id => id.Value, value => new WorkspaceId(value));

    public static readonly ValueConverter<InvitationId, Guid> InvitationId = new(id => id.Value, value => new InvitationId(value));

    public static readonly ValueConverter<JoinLinkId, Guid> JoinLinkId = new(id => id.Value, value => new JoinLinkId(value));

    /// <summary>Domain rules as <c>text[]</c>, each as written (<c>*.example.com</c>); one that no longer parses is dropped.</summary>
    public static readonly ValueConverter<IReadOnlyList<DomainPattern>, string[]> DomainPatterns = new(
        rules => rules.Select(r => r.ToString()).ToArray(),
        texts => StoredPolicy.Patterns(texts));

    public static readonly ValueConverter<WebhookEndpointId, Guid> WebhookEndpointId = new(id => id.Value, value => new WebhookEndpointId(value));

    /// <summary>The compact JSON text, keys in the order given (a <c>json</c> column keeps them so; <c>jsonb</c> would not).</summary>
    public static readonly ValueConverter<Metadata, string> Metadata = new(m => m.Json, json => Domain.Common.Metadata.FromStored(json));

    public static readonly ValueConverter<InvitationPolicy, string> Policy = new(p => StoredPolicy.Write(p), json => StoredPolicy.Read(json));

    public static readonly ValueConverter<Role, string> Role = new(role => role.Name(), value => Roles.Parse(value));

    public static ValueConverter<TEnum, string> LowerCase<TEnum>()
        where TEnum : struct, Enum =>
        new(value => value.LowerCaseName(), value => Enum.Parse<TEnum>(value, true));
}
