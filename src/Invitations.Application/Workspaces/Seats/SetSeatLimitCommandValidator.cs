using FluentValidation;

namespace Invitations.Application.Workspaces.Seats;

internal sealed class SetSeatLimitCommandValidator : AbstractValidator<SetSeatLimitCommand>
{
    public SetSeatLimitCommandValidator() =>
        RuleFor(c => c.SeatLimit).GreaterThanOrEqualTo(1).When(c => c.SeatLimit is not null)
            .WithMessage("seat_limit must be at least 1, or null for no limit.");
}
