using System.ComponentModel.DataAnnotations;

namespace Invitations.Application.Common;

/// <summary>
/// A member's <c>user_id</c>: a positive bigint. Only the OpenAPI document reads it (as <c>minimum</c> and <c>maximum</c>, exact:
/// a <c>long.MaxValue</c> given as a double would come out one past it); FluentValidation does the checking.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class UserIdRangeAttribute() : RangeAttribute(typeof(long), "1", "9223372036854775807");
