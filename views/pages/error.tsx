/** @module The error page browsers see: the message in the user's language and a way back. */
import { Layout } from "../layout";
import type { PageContext } from "../page-context";

export function ErrorPage({ ctx, message }: { ctx: PageContext; message: string }) {
  return (
    <Layout ctx={ctx} title={ctx.t("error.title")}>
      <div class="alert error" role="alert">
        {message}
      </div>
      <p>
        <a href="/">{ctx.t("error.back")}</a>
      </p>
    </Layout>
  );
}
