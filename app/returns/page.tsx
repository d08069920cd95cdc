import type { Metadata } from "next";
import Link from "next/link";
import { InfoPage, InfoSection } from "@/components/info-page";
import { infoPageTitle } from "@/lib/site-pages";

const title = infoPageTitle("/returns");
export const metadata: Metadata = { title, alternates: { canonical: "/returns" } };

export default function ReturnsPage() {
  return (
    <InfoPage title={title} intro="What you can send back, and why sealed items are the only ones we can take.">
      <InfoSection id="what" title="What we take back">
        <p>
          You can return anything that is still sealed and unopened within 30 days of delivery: cartridges in their unbroken sterile packs, kits with every
          inner seal intact, and aftercare with its seal unbroken. We refund the price of the items to the way you paid once they reach us.
        </p>
        <p>
          <Link href="/contact">Write to us</Link> with your order number before you send anything, and we will tell you where to send it.
        </p>
      </InfoSection>
      <InfoSection id="why" title="Why only sealed items">
        <p>
          A needle cartridge is sterile only while its pack is sealed. Once the seal is broken we cannot know what it has touched, so we could never sell it to
          anyone else, and it is made for a single use by one person. The same goes for a pen that has been used and for opened creams, serums and sunscreen,
          which touch the skin. Taking them back would mean passing on something we cannot vouch for.
        </p>
        <p>
          This is also why we cannot take back a cartridge opened for the wrong pen. Each cartridge page lists the pens it has been fit-tested with: please
          check yours before you buy.
        </p>
      </InfoSection>
      <InfoSection id="faulty" title="Damaged or faulty items">
        <p>
          If something arrives damaged, with a broken seal, or does not work as described, do not use it. <Link href="/contact">Tell us</Link> within 30 days of
          delivery, with a photo if you can, and we will replace it or refund it. Opened or not, a faulty item is ours to put right.
        </p>
      </InfoSection>
      <InfoSection id="never" title="Never send back used needles">
        <p>
          Used cartridges are sharps. Put them straight into a sharps container and dispose of it as your local rules say; never post them to us, or anyone.
        </p>
      </InfoSection>
    </InfoPage>
  );
}
