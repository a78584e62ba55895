using System.Text.Json;

namespace Invitations.Api.ErrorHandling;

/// <summary>A body field that a hand-written reader found and its type does not have, told as the serializer's own refusal is.</summary>
internal sealed class UnknownFieldException(string path, Type owner)
    : JsonException($"The JSON property at '{path}' is not a member of {owner.Name}.", path, null, null)
{
    public Type Owner { get; } = owner;
}
