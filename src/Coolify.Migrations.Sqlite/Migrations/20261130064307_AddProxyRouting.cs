using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coolify.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddProxyRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "acme_ca_root",
                table: "instance_settings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "http_basic_auth_password_hash",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "serving_container",
                table: "applications",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "acme_ca_root",
                table: "instance_settings");

            migrationBuilder.DropColumn(
                name: "http_basic_auth_password_hash",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "serving_container",
                table: "applications");
        }
    }
}
