using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coolify.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InvitationTokenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_team_invitations_token_hash",
                table: "team_invitations",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_team_invitations_token_hash",
                table: "team_invitations");
        }
    }
}
