import { List, Stack, Text } from '@mantine/core';

type Block = { type: 'p'; text: string } | { type: 'ol' | 'ul'; items: string[] };

/** Splits a template body into paragraphs, numbered lists ("1. …") and bullet lists ("- …"). */
export function parsePledgeBody(body: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    const bullet = /^-\s*(.*)$/.exec(line);
    const type = numbered ? 'ol' : bullet ? 'ul' : 'p';
    const text = numbered?.[1] ?? bullet?.[1] ?? line;
    const last = blocks[blocks.length - 1];
    if (type === 'p') blocks.push({ type, text });
    else if (last && last.type === type) last.items.push(text);
    else blocks.push({ type, items: [text] });
  }
  return blocks;
}

/** A pledge text: numbered lists as <ol>; `renderBullets` replaces "- " lists (the pakta's checkboxes). */
export function PledgeText({ body, renderBullets }: { body: string; renderBullets?: () => React.ReactNode }) {
  let bulletsShown = false;
  return (
    <Stack gap="xs">
      {parsePledgeBody(body).map((block, i) => {
        if (block.type === 'p') return <Text key={i} size="sm">{block.text}</Text>;
        if (block.type === 'ul' && renderBullets) {
          if (bulletsShown) return null;
          bulletsShown = true;
          return <div key={i}>{renderBullets()}</div>;
        }
        return (
          <List key={i} type={block.type === 'ol' ? 'ordered' : 'unordered'} size="sm" spacing={6} withPadding>
            {block.items.map((item, j) => <List.Item key={j}>{item}</List.Item>)}
          </List>
        );
      })}
    </Stack>
  );
}
