package fr.passerelle.account;

import jakarta.validation.constraints.NotBlank;

/**
 * A staff member's request to replace their password.
 */
record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
}
