/** Home of the messenger channel adapters (next issue): one subpackage per channel (wechat, telegram), each implementing the Messenger port on the channel's API. */
package io.facecard.adapters.out.messenger;
