import { Anchor, Table, Typography } from "@mantine/core";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * A page of a module, written in Markdown with GitHub's tables (remark-gfm). Raw HTML in the text is dropped
 * (`skipHtml`, and no rehype-raw), and react-markdown's default URL filter keeps javascript: and similar links
 * out; links open in a new tab. The page's own headings sit one level below the module's title; tables are
 * Mantine's, scrolling sideways on a narrow screen.
 */
const components: Components = {
  h1: "h2",
  h2: "h3",
  h3: "h4",
  h4: "h5",
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  ),
  table: ({ children }) => (
    <Table.ScrollContainer minWidth={500} mb="md">
      <Table withTableBorder withColumnBorders striped>
        {children}
      </Table>
    </Table.ScrollContainer>
  ),
  thead: ({ children }) => <Table.Thead>{children}</Table.Thead>,
  tbody: ({ children }) => <Table.Tbody>{children}</Table.Tbody>,
  tr: ({ children }) => <Table.Tr>{children}</Table.Tr>,
  th: ({ children }) => <Table.Th>{children}</Table.Th>,
  td: ({ children }) => <Table.Td>{children}</Table.Td>,
};

export function MarkdownBody({ markdown, lang }: { markdown: string; lang: string }) {
  return (
    <Typography lang={lang} dir="auto" data-testid="training-page-body">
      <Markdown skipHtml remarkPlugins={[remarkGfm]} components={components}>
        {markdown}
      </Markdown>
    </Typography>
  );
}
